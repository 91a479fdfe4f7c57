/* dma-addr-truncation: a ring base written with one writel() although the mask is 48 bits. */
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/platform_device.h>

struct cq {
	struct device *dev;
	void __iomem *regs;
	void *ring;
	dma_addr_t ring_dma;
};

static int cq_init(struct platform_device *pdev, struct cq *q)
{
	int ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(48));

	if (ret)
		return ret;
	q->dev = &pdev->dev;
	q->ring = dmam_alloc_coherent(q->dev, 4096, &q->ring_dma, GFP_KERNEL);
	if (!q->ring)
		return -ENOMEM;
	writel(q->ring_dma, q->regs + 0x100);	/* expect-warning dma-addr-truncation */
	return 0;
}
