/* the second mapping exists only when len > 0 and the cleanup tests "if (len)"; an op variable set to a constant selects the same branch twice */
struct ix_dev {
	struct device *dev;
	void __iomem *regs;
};

enum { IX_OP_COPY, IX_OP_FILL };

static int ix_xfer(struct ix_dev *ix, void *hdr, size_t hlen, void *data, size_t len)
{
	dma_addr_t hh, dh = 0;
	int op = IX_OP_COPY;

	hh = dma_map_single(ix->dev, hdr, hlen, DMA_TO_DEVICE);
	if (dma_mapping_error(ix->dev, hh))
		return -ENOMEM;
	if (len > 0) {
		dh = dma_map_single(ix->dev, data, len, DMA_TO_DEVICE);
		if (dma_mapping_error(ix->dev, dh)) {
			dma_unmap_single(ix->dev, hh, hlen, DMA_TO_DEVICE);
			return -ENOMEM;
		}
	}
	if (op == IX_OP_COPY)
		writel(lower_32_bits(hh), ix->regs + 0x10);
	if (len)
		writel(lower_32_bits(dh), ix->regs + 0x18);
	writel(1, ix->regs + 0x20);

	if (len)
		dma_unmap_single(ix->dev, dh, len, DMA_TO_DEVICE);
	if (op == IX_OP_COPY)
		dma_unmap_single(ix->dev, hh, hlen, DMA_TO_DEVICE);
	else
		writel(0, ix->regs + 0x24);  /* never taken: op is IX_OP_COPY */
	return 0;
}
