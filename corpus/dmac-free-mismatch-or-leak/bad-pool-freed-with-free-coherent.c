/* dmac-free-mismatch-or-leak: a descriptor taken from a dma_pool is released with dma_free_coherent(). */
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/iopoll.h>

#define XDMA_DESC_SIZE		64
#define XDMA_REG_DESC_LO	0x20
#define XDMA_REG_DESC_HI	0x24
#define XDMA_REG_START		0x28

struct xdma_desc_hw {
	__le64 src;
	__le64 dst;
	__le32 len;
	__le32 ctrl;
};

struct xdma_chan {
	struct device *dev;
	struct dma_pool *desc_pool;
	void __iomem *regs;
};

static int xdma_memcpy_once(struct xdma_chan *xc, dma_addr_t dst, dma_addr_t src, u32 len)
{
	struct xdma_desc_hw *hw;
	dma_addr_t hw_dma;
	u32 stat;
	int ret;

	hw = dma_pool_zalloc(xc->desc_pool, GFP_KERNEL, &hw_dma);
	if (!hw)
		return -ENOMEM;

	hw->src = cpu_to_le64(src);
	hw->dst = cpu_to_le64(dst);
	hw->len = cpu_to_le32(len);
	hw->ctrl = cpu_to_le32(1);
	dma_wmb();

	writel(lower_32_bits(hw_dma), xc->regs + XDMA_REG_DESC_LO);
	writel(upper_32_bits(hw_dma), xc->regs + XDMA_REG_DESC_HI);
	writel(1, xc->regs + XDMA_REG_START);
	ret = readl_poll_timeout(xc->regs + XDMA_REG_START, stat, !stat, 5, 10000);

	dma_free_coherent(xc->dev, XDMA_DESC_SIZE, hw, hw_dma); /* expect-warning dmac-free-mismatch-or-leak */
	return ret;
}
