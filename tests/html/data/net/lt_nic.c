/*
 * HTML report test input: the handle is used unchecked, and the lines
 * around the finding contain characters that must be escaped: < > & " '
 */
#include <linux/dma-mapping.h>
#include <linux/io.h>

static void start_tx(struct device *dev, void *buf, size_t len, void __iomem *regs)
{
	dma_addr_t h;

	if (len < 64 && (len & 1) == 0)
		len = 64;
	h = dma_map_single(dev, buf, len, DMA_TO_DEVICE);
	writel(h, regs); /* "quoted" 'x' -> y */
}
