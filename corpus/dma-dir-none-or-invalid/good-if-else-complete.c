/* dma-dir-none-or-invalid (good): a direction declared without initialiser but assigned on both branches of an if/else. */
#include <linux/dma-mapping.h>

#define XFR_FLAG_IN	BIT(0)
#define XFR_ADDR	0x00
#define XFR_LEN		0x08
#define XFR_GO		0x0c

struct xfr_req {
	u32 flags;
	void *data;
	size_t len;
};

struct xfr_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static int xfr_submit(struct xfr_dev *xd, struct xfr_req *rq)
{
	enum dma_data_direction dir;
	dma_addr_t dma;
	int ret = 0;

	if (rq->flags & XFR_FLAG_IN)
		dir = DMA_FROM_DEVICE;
	else
		dir = DMA_TO_DEVICE;

	dma = dma_map_single(xd->dev, rq->data, rq->len, dir);
	if (dma_mapping_error(xd->dev, dma))
		return -ENOMEM;

	reinit_completion(&xd->done);
	lo_hi_writeq(dma, xd->regs + XFR_ADDR);
	writel(rq->len, xd->regs + XFR_LEN);
	writel(1, xd->regs + XFR_GO);
	if (!wait_for_completion_timeout(&xd->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(xd->dev, dma, rq->len, dir);
	return ret;
}
