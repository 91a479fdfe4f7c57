/* a crypto request's scatterlists stay mapped when the request is queued; the completion handler unmaps them */
struct cx_dev {
	struct device *dev;
	void __iomem *base;
};

struct cx_req {
	struct scatterlist *src;
	int nents;
	int mapped;
};

static int cx_queue(struct cx_dev *cx, struct cx_req *req)
{
	int n;

	n = dma_map_sg(cx->dev, req->src, req->nents, DMA_TO_DEVICE);
	if (!n)
		return -ENOMEM;
	req->mapped = n;
	writel(sg_dma_address(req->src), cx->base + 0x20);
	return -EINPROGRESS;
}
