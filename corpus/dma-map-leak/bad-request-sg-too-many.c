/* the request's scatterlist is mapped, then rejected as too long without being unmapped (amlogic/sun8i shape) */
struct cx_dev {
	struct device *dev;
	void __iomem *base;
};

struct cx_req {
	struct scatterlist *src;
	int nents;
};

#define CX_MAX_SG 8

static int cx_start(struct cx_dev *cx, struct cx_req *req)
{
	int nr, err = 0;

	nr = dma_map_sg(cx->dev, req->src, req->nents, DMA_TO_DEVICE);
	if (nr <= 0 || nr > CX_MAX_SG) {
		dev_err(cx->dev, "invalid sg count %d\n", nr);
		err = -EINVAL;
		goto out;
	}
	writel(sg_dma_address(req->src), cx->base + 0x20);
	dma_unmap_sg(cx->dev, req->src, req->nents, DMA_TO_DEVICE);
out:
	return err; /* expect-warning dma-map-leak */
}
