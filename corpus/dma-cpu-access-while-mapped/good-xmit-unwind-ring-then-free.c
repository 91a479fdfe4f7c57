/* A TX error path unwinds the descriptors it filled by ring index, then frees the skb: the head mapping was stored in the ring and is unmapped by the loop. */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>

struct gr_bd {
	u32 stat;
	u32 addr;
};

struct gr_priv {
	struct device *dev;
	struct gr_bd *tx_bd_base;
	unsigned int tx_next;
};

static void gr_write_bd(u32 *bd, u32 val)
{
	*bd = val;
}

static netdev_tx_t gr_xmit(struct gr_priv *gp, struct sk_buff *skb)
{
	unsigned int curr_tx = gp->tx_next, nr_frags = skb_shinfo(skb)->nr_frags, i;
	struct gr_bd *bdp = gp->tx_bd_base + curr_tx;
	dma_addr_t dma_addr;

	dma_addr = dma_map_single(gp->dev, skb->data, skb_headlen(skb), DMA_TO_DEVICE);
	if (dma_mapping_error(gp->dev, dma_addr))
		goto map_error;
	gr_write_bd(&bdp->addr, dma_addr);
	curr_tx = (curr_tx + 1) & 127;

	for (i = 0; i < nr_frags; i++) {
		skb_frag_t *frag = &skb_shinfo(skb)->frags[i];

		bdp = gp->tx_bd_base + curr_tx;
		dma_addr = skb_frag_dma_map(gp->dev, frag, 0, skb_frag_size(frag), DMA_TO_DEVICE);
		if (dma_mapping_error(gp->dev, dma_addr))
			goto frag_map_error;
		gr_write_bd(&bdp->addr, dma_addr);
		curr_tx = (curr_tx + 1) & 127;
	}
	gp->tx_next = curr_tx;
	return NETDEV_TX_OK;

frag_map_error:
	for (i = 0; gp->tx_next + i != curr_tx; i++) {
		bdp = gp->tx_bd_base + gp->tx_next + i;
		dma_unmap_single(gp->dev, bdp->addr, bdp->stat & 0x7ff, DMA_TO_DEVICE);
		gr_write_bd(&bdp->stat, 0);
	}
map_error:
	dev_kfree_skb(skb);
	return NETDEV_TX_OK;
}
