/* A handle split into two 32-bit registers and printed with %pad. */
#include <linux/dma-mapping.h>
#include <linux/io.h>

struct eng {
	struct device *dev;
	void __iomem *regs;
	dma_addr_t cur;
};

static int eng_start(struct eng *e, void *buf, size_t len)
{
	dma_addr_t h = dma_map_single(e->dev, buf, len, DMA_TO_DEVICE);

	if (dma_mapping_error(e->dev, h))
		return -ENOMEM;
	dev_dbg(e->dev, "buffer at %pad\n", &h);
	writel(lower_32_bits(h), e->regs + 0x10);
	writel(upper_32_bits(h), e->regs + 0x14);
	e->cur = h;
	return 0;
}
