/* dmac-free-mismatch-or-leak (good): two coherent rings unwound by a goto ladder, each freed with its own size macro, pointer and handle. */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>

#define RX_DESC_NUM		512
#define TX_DESC_NUM		1024
#define RX_RING_BYTES		(RX_DESC_NUM * sizeof(struct gem_desc))
#define TX_RING_BYTES		(TX_DESC_NUM * sizeof(struct gem_desc))

struct gem_desc {
	__le32 addr;
	__le32 ctrl;
};

struct gem_priv {
	struct device *dev;
	struct net_device *ndev;
	struct gem_desc *rx_ring, *tx_ring;
	dma_addr_t rx_ring_dma, tx_ring_dma;
};

int gem_hw_set_rings(struct gem_priv *gp, dma_addr_t rx, dma_addr_t tx);

static int gem_alloc_rings(struct gem_priv *gp)
{
	struct gem_desc *rx, *tx;
	dma_addr_t rx_dma, tx_dma;
	int ret;

	rx = dma_alloc_coherent(gp->dev, RX_RING_BYTES, &rx_dma, GFP_KERNEL);
	if (!rx)
		return -ENOMEM;

	tx = dma_alloc_coherent(gp->dev, TX_RING_BYTES, &tx_dma, GFP_KERNEL);
	if (!tx) {
		ret = -ENOMEM;
		goto err_free_rx;
	}

	ret = gem_hw_set_rings(gp, rx_dma, tx_dma);
	if (ret)
		goto err_free_tx;

	gp->rx_ring = rx;
	gp->rx_ring_dma = rx_dma;
	gp->tx_ring = tx;
	gp->tx_ring_dma = tx_dma;
	return 0;

err_free_tx:
	dma_free_coherent(gp->dev, TX_RING_BYTES, tx, tx_dma);
err_free_rx:
	dma_free_coherent(gp->dev, RX_RING_BYTES, rx, rx_dma);
	netdev_err(gp->ndev, "ring setup failed: %d\n", ret);
	return ret;
}
