/*
 * HTML report test input: unmap with another direction.
 */
#include <linux/dma-mapping.h>

static int do_io(struct device *dev, void *buf, size_t len)
{
	dma_addr_t h = dma_map_single(dev, buf, 4096, DMA_FROM_DEVICE);

	if (dma_mapping_error(dev, h))
		return -ENOMEM;
	dma_unmap_single(dev, h, 4096, DMA_TO_DEVICE);
	return 0;
}
