/* dma-pool-protocol (good): a NIC takes its TX descriptors from a dma_pool; open() unwinds in reverse order, stop() frees every block before destroying the pool. */
#include <linux/dmapool.h>
#include <linux/netdevice.h>

#define NQ_TX_DESCS		128

struct nq_desc {
	__le64 addr;
	__le32 len;
	__le32 ctrl;
};

struct nq_priv {
	struct device *dev;
	struct net_device *ndev;
	struct dma_pool *desc_pool;
	struct nq_desc *tx[NQ_TX_DESCS];
	dma_addr_t tx_dma[NQ_TX_DESCS];
};

int nq_hw_start(struct nq_priv *np);

static void nq_free_descs(struct nq_priv *np, int n)
{
	while (n--) {
		dma_pool_free(np->desc_pool, np->tx[n], np->tx_dma[n]);
		np->tx[n] = NULL;
	}
}

static int nq_open(struct net_device *ndev)
{
	struct nq_priv *np = netdev_priv(ndev);
	int i, ret;

	np->desc_pool = dma_pool_create("nq-desc", np->dev, sizeof(struct nq_desc), 16, 0);
	if (!np->desc_pool)
		return -ENOMEM;

	for (i = 0; i < NQ_TX_DESCS; i++) {
		np->tx[i] = dma_pool_zalloc(np->desc_pool, GFP_KERNEL, &np->tx_dma[i]);
		if (!np->tx[i]) {
			ret = -ENOMEM;
			goto err_free;
		}
	}

	ret = nq_hw_start(np);
	if (ret)
		goto err_free;
	return 0;

err_free:
	nq_free_descs(np, i);
	dma_pool_destroy(np->desc_pool);
	np->desc_pool = NULL;
	return ret;
}

static int nq_stop(struct net_device *ndev)
{
	struct nq_priv *np = netdev_priv(ndev);

	nq_free_descs(np, NQ_TX_DESCS);
	dma_pool_destroy(np->desc_pool);
	np->desc_pool = NULL;
	return 0;
}

static const struct net_device_ops nq_ops = {
	.ndo_open = nq_open,
	.ndo_stop = nq_stop,
};
