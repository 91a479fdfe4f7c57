/* dma-alloc-context-gfp: the tx_timeout handler frees the old TX ring with dma_free_coherent() inside spin_lock_irqsave() (interrupts off). */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>

#define MT_TX_RING_BYTES	(256 * 16)

struct mt_priv {
	struct device *dev;
	struct net_device *ndev;
	spinlock_t lock;
	void *tx_ring;
	dma_addr_t tx_ring_dma;
};

int mt_init_tx_ring(struct mt_priv *mp);
void mt_reset_mac(struct mt_priv *mp);

static void mt_tx_timeout(struct net_device *ndev, unsigned int txqueue)
{
	struct mt_priv *mp = netdev_priv(ndev);
	unsigned long flags;

	netdev_warn(ndev, "transmit timed out, resetting\n");
	spin_lock_irqsave(&mp->lock, flags);
	mt_reset_mac(mp);
	dma_free_coherent(mp->dev, MT_TX_RING_BYTES, mp->tx_ring, mp->tx_ring_dma); /* expect-warning dma-alloc-context-gfp */
	mp->tx_ring = NULL;
	if (mt_init_tx_ring(mp))
		netdev_err(ndev, "cannot reallocate the TX ring\n");
	spin_unlock_irqrestore(&mp->lock, flags);
	netif_wake_queue(ndev);
}

static const struct net_device_ops mt_netdev_ops = {
	.ndo_tx_timeout = mt_tx_timeout,
};
