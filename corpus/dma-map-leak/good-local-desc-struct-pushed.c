/* The handle is kept in a local descriptor struct whose address is handed to the ring helper: the ring owns the mapping. */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>

struct star_desc_data {
	dma_addr_t dma_addr;
	struct sk_buff *skb;
	unsigned int len;
};

struct star_priv {
	struct device *dev;
	void *tx_ring;
};

void star_ring_push_head_tx(void *ring, struct star_desc_data *d);

static netdev_tx_t star_start_xmit(struct sk_buff *skb, struct star_priv *priv)
{
	struct star_desc_data desc_data;

	desc_data.dma_addr = dma_map_single(priv->dev, skb->data, skb_headlen(skb), DMA_TO_DEVICE);
	if (dma_mapping_error(priv->dev, desc_data.dma_addr))
		goto err_drop;
	desc_data.skb = skb;
	desc_data.len = skb->len;
	star_ring_push_head_tx(priv->tx_ring, &desc_data);
	return NETDEV_TX_OK;

err_drop:
	dev_kfree_skb(skb);
	return NETDEV_TX_OK;
}
