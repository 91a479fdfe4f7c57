/* a same-file wrapper checks dma_mapping_error() itself and returns 0 on failure; the caller tests for 0 and unmaps through another wrapper */
struct wx_dev {
	struct device *dev;
	void __iomem *regs;
};

static dma_addr_t wx_map_checked(struct wx_dev *wx, void *buf, size_t len)
{
	dma_addr_t h = dma_map_single(wx->dev, buf, len, DMA_FROM_DEVICE);

	if (dma_mapping_error(wx->dev, h))
		return 0;
	return h;
}

static void wx_unmap(struct wx_dev *wx, dma_addr_t h, size_t len)
{
	dma_unmap_single(wx->dev, h, len, DMA_FROM_DEVICE);
}

static int wx_recv(struct wx_dev *wx, void *buf, size_t len)
{
	dma_addr_t h;

	h = wx_map_checked(wx, buf, len);
	if (!h)
		return -ENOMEM;
	writel(lower_32_bits(h), wx->regs + 0x20);
	if (readl(wx->regs + 0x24) & 1) {
		wx_unmap(wx, h, len);
		return -EIO;
	}
	wx_unmap(wx, h, len);
	return 0;
}
