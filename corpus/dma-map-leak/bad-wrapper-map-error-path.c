/* same-file wrappers map and unmap; the error path after the second step forgets the unmap wrapper */
struct wx_dev {
	struct device *dev;
	void __iomem *regs;
};

static dma_addr_t wx_map(struct wx_dev *wx, void *buf, size_t len)
{
	return dma_map_single(wx->dev, buf, len, DMA_TO_DEVICE);
}

static void wx_unmap(struct wx_dev *wx, dma_addr_t h, size_t len)
{
	dma_unmap_single(wx->dev, h, len, DMA_TO_DEVICE);
}

static int wx_send(struct wx_dev *wx, void *buf, size_t len)
{
	dma_addr_t h;

	h = wx_map(wx, buf, len);
	if (dma_mapping_error(wx->dev, h))
		return -ENOMEM;
	if (readl(wx->regs + 0x4) & 1)
		return -EBUSY; /* expect-warning dma-map-leak */
	writel(lower_32_bits(h), wx->regs + 0x10);
	wx_unmap(wx, h, len);
	return 0;
}
