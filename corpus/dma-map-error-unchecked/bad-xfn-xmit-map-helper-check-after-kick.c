/* dma-map-error-unchecked across functions: the xmit path maps the skb head through a same-file helper, writes the handle into the TX descriptor and rings the doorbell, and only then tests dma_mapping_error(). */
#include <linux/dma-mapping.h>
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#define NXG_TX_RING		256
#define NXG_REG_TX_TAIL		0x0818
#define NXG_TXD_EOP		BIT(24)
#define NXG_TXD_IRQ		BIT(25)

struct nxg_tx_desc {
	__le64 addr;
	__le32 cmd_len;
	__le32 status;
};

struct nxg_tx_buf {
	struct sk_buff *skb;
	dma_addr_t dma;
	unsigned int len;
};

struct nxg_ring {
	struct device *dev;
	struct nxg_tx_desc *desc;
	struct nxg_tx_buf *buf;
	void __iomem *tail;
	u16 next_to_use;
	u16 next_to_clean;
};

struct nxg_priv {
	struct net_device *ndev;
	struct nxg_ring tx;
};

static dma_addr_t nxg_map_head(struct nxg_ring *ring, struct sk_buff *skb)
{
	dma_addr_t dma;

	dma = dma_map_single(ring->dev, skb->data, skb_headlen(skb), DMA_TO_DEVICE);
	return dma;
}

static netdev_tx_t nxg_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct nxg_priv *priv = netdev_priv(ndev);
	struct nxg_ring *ring = &priv->tx;
	u16 i = ring->next_to_use;
	struct nxg_tx_desc *txd = &ring->desc[i];
	struct nxg_tx_buf *tb = &ring->buf[i];
	dma_addr_t dma;

	if (skb_shinfo(skb)->nr_frags || skb_put_padto(skb, ETH_ZLEN))
		return NETDEV_TX_OK;

	dma = nxg_map_head(ring, skb); /* expect-warning dma-map-error-unchecked */
	txd->addr = cpu_to_le64(dma);
	txd->cmd_len = cpu_to_le32(skb_headlen(skb) | NXG_TXD_EOP | NXG_TXD_IRQ);
	txd->status = 0;
	dma_wmb();
	ring->next_to_use = (i + 1) % NXG_TX_RING;
	writel(ring->next_to_use, ring->tail);

	if (dma_mapping_error(ring->dev, dma)) {
		ndev->stats.tx_dropped++;
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	tb->skb = skb;
	tb->dma = dma;
	tb->len = skb_headlen(skb);
	return NETDEV_TX_OK;
}

static void nxg_clean_tx(struct nxg_priv *priv)
{
	struct nxg_ring *ring = &priv->tx;

	while (ring->next_to_clean != ring->next_to_use) {
		struct nxg_tx_buf *tb = &ring->buf[ring->next_to_clean];

		if (!le32_to_cpu(ring->desc[ring->next_to_clean].status))
			break;
		dma_unmap_single(ring->dev, tb->dma, tb->len, DMA_TO_DEVICE);
		dev_consume_skb_any(tb->skb);
		tb->skb = NULL;
		ring->next_to_clean = (ring->next_to_clean + 1) % NXG_TX_RING;
	}
}

static const struct net_device_ops nxg_netdev_ops = {
	.ndo_start_xmit = nxg_start_xmit,
};
