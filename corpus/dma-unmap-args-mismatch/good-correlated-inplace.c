/* in-place requests (src == dst) are mapped and unmapped BIDIRECTIONAL, others TO/FROM; the same test selects both */
struct ax_dev {
	struct device *dev;
	void __iomem *base;
};

struct ax_req {
	struct scatterlist *src, *dst;
	int src_nents, dst_nents;
};

static int ax_run(struct ax_dev *ax, struct ax_req *req)
{
	int ns, nd;

	if (req->src == req->dst) {
		ns = dma_map_sg(ax->dev, req->src, req->src_nents, DMA_BIDIRECTIONAL);
		if (!ns)
			return -ENOMEM;
	} else {
		ns = dma_map_sg(ax->dev, req->src, req->src_nents, DMA_TO_DEVICE);
		if (!ns)
			return -ENOMEM;
		nd = dma_map_sg(ax->dev, req->dst, req->dst_nents, DMA_FROM_DEVICE);
		if (!nd) {
			dma_unmap_sg(ax->dev, req->src, req->src_nents, DMA_TO_DEVICE);
			return -ENOMEM;
		}
	}

	writel(1, ax->base + 0x8);

	if (req->src == req->dst) {
		dma_unmap_sg(ax->dev, req->src, req->src_nents, DMA_BIDIRECTIONAL);
	} else {
		dma_unmap_sg(ax->dev, req->src, req->src_nents, DMA_TO_DEVICE);
		dma_unmap_sg(ax->dev, req->dst, req->dst_nents, DMA_FROM_DEVICE);
	}
	return 0;
}
