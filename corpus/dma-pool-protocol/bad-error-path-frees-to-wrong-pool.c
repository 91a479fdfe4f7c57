/* dma-pool-protocol: on the error path a TX descriptor taken from tx_pool is returned to rx_pool. */
#include <linux/dmapool.h>
#include <linux/netdevice.h>

struct qd_desc {
	__le64 addr;
	__le32 len;
	__le32 flags;
};

struct qd_priv {
	struct device *dev;
	struct dma_pool *rx_pool;
	struct dma_pool *tx_pool;
	struct qd_desc *tx_head;
	dma_addr_t tx_head_dma;
};

int qd_hw_post(struct qd_priv *qp, dma_addr_t desc);

static int qd_create_pools(struct qd_priv *qp)
{
	qp->rx_pool = dma_pool_create("qd-rx", qp->dev, sizeof(struct qd_desc), 16, 0);
	if (!qp->rx_pool)
		return -ENOMEM;
	qp->tx_pool = dma_pool_create("qd-tx", qp->dev, sizeof(struct qd_desc), 16, 0);
	if (!qp->tx_pool) {
		dma_pool_destroy(qp->rx_pool);
		return -ENOMEM;
	}
	return 0;
}

static int qd_post_tx(struct qd_priv *qp, dma_addr_t buf, u32 len)
{
	struct qd_desc *d;
	dma_addr_t d_dma;
	int ret;

	d = dma_pool_alloc(qp->tx_pool, GFP_ATOMIC, &d_dma);
	if (!d)
		return -ENOMEM;
	d->addr = cpu_to_le64(buf);
	d->len = cpu_to_le32(len);
	d->flags = 0;

	ret = qd_hw_post(qp, d_dma);
	if (ret) {
		dma_pool_free(qp->rx_pool, d, d_dma); /* expect-warning dma-pool-protocol */
		return ret;
	}
	qp->tx_head = d;
	qp->tx_head_dma = d_dma;
	return 0;
}
