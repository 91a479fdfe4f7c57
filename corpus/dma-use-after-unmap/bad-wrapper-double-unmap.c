/* the unmap wrapper is called on the error path and again in the common exit */
struct wx_dev {
	struct device *dev;
	void __iomem *regs;
};

static void wx_unmap(struct wx_dev *wx, dma_addr_t h, size_t len)
{
	dma_unmap_single(wx->dev, h, len, DMA_TO_DEVICE);
}

static int wx_xfer(struct wx_dev *wx, void *buf, size_t len)
{
	dma_addr_t h;
	int ret = 0;

	h = dma_map_single(wx->dev, buf, len, DMA_TO_DEVICE);
	if (dma_mapping_error(wx->dev, h))
		return -ENOMEM;
	writel(lower_32_bits(h), wx->regs + 0x10);
	if (readl(wx->regs + 0x14) & 2) {
		wx_unmap(wx, h, len);
		ret = -EIO;
	}
	wx_unmap(wx, h, len); /* expect-warning dma-use-after-unmap */
	return ret;
}
