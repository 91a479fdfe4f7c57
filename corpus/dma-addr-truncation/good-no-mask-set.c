/* No mask is set in the file: the default 32-bit mask keeps handles below 4 GiB. */
#include <linux/dma-mapping.h>
#include <linux/io.h>

struct tiny {
	struct device *dev;
	void __iomem *regs;
	void *buf;
	u32 buf_reg;
};

static int tiny_go(struct tiny *t, size_t len)
{
	dma_addr_t h = dma_map_single(t->dev, t->buf, len, DMA_TO_DEVICE);

	if (dma_mapping_error(t->dev, h))
		return -ENOMEM;
	t->buf_reg = h;
	writel(h, t->regs + 0x08);
	dma_unmap_single(t->dev, h, len, DMA_TO_DEVICE);
	return 0;
}
