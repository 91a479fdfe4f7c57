#include <linux/dma-mapping.h>

static int foo_send(struct device *dev, void __iomem *mmio, void *buf, size_t len)
{
	dma_addr_t h;

	h = dma_map_single(dev, buf, len, DMA_TO_DEVICE);
	writel(lower_32_bits(h), mmio + 0x10);
	dma_unmap_single(dev, h, len, DMA_TO_DEVICE);
	return 0;
}

static int foo_leak(struct device *dev, void *buf, size_t len)
{
	dma_addr_t h;

	h = dma_map_single(dev, buf, len, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, h))
		return -ENOMEM;
	if (len > 64)
		return -EINVAL;
	dma_unmap_single(dev, h, len, DMA_TO_DEVICE);
	return 0;
}
