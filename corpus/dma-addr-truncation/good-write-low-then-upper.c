/* writel(h) for the low register followed by writel(upper_32_bits(h)): both halves are written. */
#include <linux/dma-mapping.h>
#include <linux/io.h>

struct ctl {
	struct device *dev;
	void __iomem *regs;
	dma_addr_t tbl_dma;
};

static int ctl_start(struct ctl *c)
{
	if (dma_set_mask(c->dev, DMA_BIT_MASK(64)))
		return -EIO;
	writel(c->tbl_dma, c->regs + 0x30);
	writel(upper_32_bits(c->tbl_dma), c->regs + 0x34);
	return 0;
}
