/* dmac-free-mismatch-or-leak: RX and TX rings share one coherent block, but the error path frees only RX_RING_BYTES of it. */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>

#define NUM_RX_DESC		256
#define NUM_TX_DESC		256
#define RX_RING_BYTES		(NUM_RX_DESC * sizeof(struct enet_desc))
#define TX_RING_BYTES		(NUM_TX_DESC * sizeof(struct enet_desc))

struct enet_desc {
	__le32 status;
	__le32 len;
	__le64 addr;
};

struct enet_priv {
	struct device *dev;
	struct net_device *ndev;
	struct enet_desc *rx_ring, *tx_ring;
	dma_addr_t rx_ring_dma, tx_ring_dma;
};

int enet_hw_attach_rings(struct enet_priv *ep, dma_addr_t rx, dma_addr_t tx);

static int enet_alloc_rings(struct enet_priv *ep)
{
	struct enet_desc *ring;
	dma_addr_t ring_dma;
	int ret;

	ring = dma_alloc_coherent(ep->dev, RX_RING_BYTES + TX_RING_BYTES, &ring_dma, GFP_KERNEL);
	if (!ring)
		return -ENOMEM;

	ret = enet_hw_attach_rings(ep, ring_dma, ring_dma + RX_RING_BYTES);
	if (ret) {
		netdev_err(ep->ndev, "cannot attach rings: %d\n", ret);
		dma_free_coherent(ep->dev, RX_RING_BYTES, ring, ring_dma); /* expect-warning dmac-free-mismatch-or-leak */
		return ret;
	}

	ep->rx_ring = ring;
	ep->rx_ring_dma = ring_dma;
	ep->tx_ring = ring + NUM_RX_DESC;
	ep->tx_ring_dma = ring_dma + RX_RING_BYTES;
	return 0;
}
