/*
 * The handle from the streaming map goes to the device without being
 * checked for a mapping error: dma-map-error-unchecked.
 */
#include <linux/dma-mapping.h>
#include <linux/io.h>

static void start_tx(struct device *dev, void *buf, size_t len, void __iomem *regs)
{
	dma_addr_t h;

	h = dma_map_single(dev, buf, len, DMA_TO_DEVICE);
	writel(h, regs);
}
