/* The buffer is mapped and its handle split into the address registers. */
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/slab.h>

struct xfer_dev {
	struct device *dev;
	void __iomem *regs;
	void *buf;
	dma_addr_t buf_dma;
};

static int xfer_start(struct xfer_dev *xd, size_t len)
{
	xd->buf = kmalloc(len, GFP_KERNEL);
	if (!xd->buf)
		return -ENOMEM;
	xd->buf_dma = dma_map_single(xd->dev, xd->buf, len, DMA_TO_DEVICE);
	if (dma_mapping_error(xd->dev, xd->buf_dma)) {
		kfree(xd->buf);
		return -ENOMEM;
	}
	writel(lower_32_bits(xd->buf_dma), xd->regs + 0x20);
	writel(upper_32_bits(xd->buf_dma), xd->regs + 0x24);
	return 0;
}
