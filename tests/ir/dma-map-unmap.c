/* a checked single mapping: modelled calls, the handle assignment, the error return. */
static int xmit(struct device *dev, void *buf, size_t len)
{
	dma_addr_t h;

	h = dma_map_single(dev, buf, len, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, h))
		return -ENOMEM;
	kick(h);
	dma_unmap_single(dev, h, len, DMA_TO_DEVICE);
	return 0;
}
