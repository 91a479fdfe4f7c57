/* dma-map-leak: a scatterlist mapping leaks when the engine is found busy after mapping. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

#define XDMA_REG_STATUS		0x00
#define XDMA_REG_DESC_LO	0x10
#define XDMA_REG_DESC_HI	0x14
#define XDMA_REG_START		0x18
#define XDMA_STATUS_BUSY	BIT(0)
#define XDMA_MAX_DESC		64

struct xdma_hw_desc {
	__le64 addr;
	__le32 len;
	__le32 ctrl;
};

struct xdma_chan {
	struct device *dev;
	void __iomem *regs;
	struct xdma_hw_desc *desc;
	dma_addr_t desc_dma;
};

static int xdma_submit_sg(struct xdma_chan *xc, struct scatterlist *sgl, int nents)
{
	struct scatterlist *sg;
	int n, i;

	n = dma_map_sg(xc->dev, sgl, nents, DMA_FROM_DEVICE);
	if (!n)
		return -ENOMEM;

	if (readl(xc->regs + XDMA_REG_STATUS) & XDMA_STATUS_BUSY)
		return -EBUSY; /* expect-warning dma-map-leak */

	if (n > XDMA_MAX_DESC) {
		dma_unmap_sg(xc->dev, sgl, nents, DMA_FROM_DEVICE);
		return -E2BIG;
	}

	for_each_sg(sgl, sg, n, i) {
		xc->desc[i].addr = cpu_to_le64(sg_dma_address(sg));
		xc->desc[i].len = cpu_to_le32(sg_dma_len(sg));
		xc->desc[i].ctrl = cpu_to_le32(i == n - 1 ? 1 : 0);
	}

	writel(lower_32_bits(xc->desc_dma), xc->regs + XDMA_REG_DESC_LO);
	writel(upper_32_bits(xc->desc_dma), xc->regs + XDMA_REG_DESC_HI);
	writel(1, xc->regs + XDMA_REG_START);

	while (readl(xc->regs + XDMA_REG_STATUS) & XDMA_STATUS_BUSY)
		cpu_relax();

	dma_unmap_sg(xc->dev, sgl, nents, DMA_FROM_DEVICE);
	return 0;
}
