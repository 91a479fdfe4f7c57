/* dma-map-leak: the header mapping leaks when the payload mapping fails (TX path with two mappings). */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>

#define FOO_TX_RING_SIZE	256
#define FOO_REG_TX_HEAD		0x40
#define FOO_REG_TX_DOORBELL	0x44

struct foo_tx_desc {
	__le64 hdr_addr;
	__le64 data_addr;
	__le32 hdr_len;
	__le32 data_len;
};

struct foo_tx_buf {
	struct sk_buff *skb;
	DEFINE_DMA_UNMAP_ADDR(hdr_dma);
	DEFINE_DMA_UNMAP_ADDR(data_dma);
};

struct foo_priv {
	struct device *dev;
	void __iomem *regs;
	struct foo_tx_desc *tx_ring;
	struct foo_tx_buf tx_buf[FOO_TX_RING_SIZE];
	unsigned int tx_head;
	u8 hdr_scratch[FOO_TX_RING_SIZE][64];
};

static netdev_tx_t foo_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct foo_priv *priv = netdev_priv(ndev);
	unsigned int idx = priv->tx_head;
	struct foo_tx_desc *desc = &priv->tx_ring[idx];
	unsigned int hlen = skb_transport_offset(skb);
	dma_addr_t hdr_dma, data_dma;

	memcpy(priv->hdr_scratch[idx], skb->data, hlen);

	hdr_dma = dma_map_single(priv->dev, priv->hdr_scratch[idx], hlen, DMA_TO_DEVICE);
	if (dma_mapping_error(priv->dev, hdr_dma)) {
		dev_kfree_skb_any(skb);
		ndev->stats.tx_dropped++;
		return NETDEV_TX_OK;
	}

	data_dma = dma_map_single(priv->dev, skb->data + hlen, skb_headlen(skb) - hlen,
				  DMA_TO_DEVICE);
	if (dma_mapping_error(priv->dev, data_dma)) {
		ndev->stats.tx_dropped++;
		return NETDEV_TX_BUSY; /* expect-warning dma-map-leak */
	}

	dma_unmap_addr_set(&priv->tx_buf[idx], hdr_dma, hdr_dma);
	dma_unmap_addr_set(&priv->tx_buf[idx], data_dma, data_dma);
	priv->tx_buf[idx].skb = skb;

	desc->hdr_addr = cpu_to_le64(hdr_dma);
	desc->data_addr = cpu_to_le64(data_dma);
	desc->hdr_len = cpu_to_le32(hlen);
	desc->data_len = cpu_to_le32(skb_headlen(skb) - hlen);

	priv->tx_head = (idx + 1) % FOO_TX_RING_SIZE;
	writel(priv->tx_head, priv->regs + FOO_REG_TX_DOORBELL);
	return NETDEV_TX_OK;
}
