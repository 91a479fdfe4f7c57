/* dma-pool-protocol: a teardown helper destroys the response pool, and the unwind ladder destroys it again. */
#include <linux/dmapool.h>

struct dd_dev {
	struct device *dev;
	struct dma_pool *req_pool;
	struct dma_pool *rsp_pool;
};

int dd_start_queues(struct dd_dev *dd);

static int dd_setup(struct dd_dev *dd)
{
	int ret;

	dd->req_pool = dma_pool_create("dd-req", dd->dev, 128, 64, 0);
	if (!dd->req_pool)
		return -ENOMEM;
	dd->rsp_pool = dma_pool_create("dd-rsp", dd->dev, 256, 64, 0);
	if (!dd->rsp_pool) {
		ret = -ENOMEM;
		goto err_req;
	}
	ret = dd_start_queues(dd);
	if (ret)
		goto err_rsp;
	return 0;

err_rsp:
	dma_pool_destroy(dd->rsp_pool);
	if (ret == -ETIMEDOUT)
		dev_err(dd->dev, "queues did not start\n");
	dma_pool_destroy(dd->rsp_pool); /* expect-warning dma-pool-protocol */
err_req:
	dma_pool_destroy(dd->req_pool);
	return ret;
}
