/* a page mapped with PAGE_SIZE and unmapped with the literal 4096: the macro's value is unknown without a preprocessor, so this is not compared */
struct gx_dev {
	struct device *dev;
	void __iomem *regs;
};

static int gx_scratch(struct gx_dev *gx, struct page *pg)
{
	dma_addr_t d;

	d = dma_map_page(gx->dev, pg, 0, PAGE_SIZE, DMA_BIDIRECTIONAL);
	if (dma_mapping_error(gx->dev, d))
		return -ENOMEM;
	writel(lower_32_bits(d), gx->regs + 0x30);
	writel(1, gx->regs + 0x34);
	dma_unmap_page(gx->dev, d, 4096, DMA_BIDIRECTIONAL);
	return 0;
}
