/* dma-map-leak (good): ndo_start_xmit hands the head and fragment mappings to the TX ring (escape). */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>

#define ABC_TX_RING_SIZE	1024
#define ABC_TX_DESC_EOP		BIT(31)

struct abc_tx_desc {
	__le64 addr;
	__le32 len_flags;
	__le32 rsvd;
};

struct abc_tx_buffer {
	struct sk_buff *skb;
	DEFINE_DMA_UNMAP_ADDR(dma);
	DEFINE_DMA_UNMAP_LEN(len);
	bool is_page;
};

struct abc_tx_ring {
	struct device *dev;
	u32 __iomem *tail;
	struct abc_tx_desc *desc;
	struct abc_tx_buffer *buffer_info;
	u16 next_to_use;
	u16 count;
};

struct abc_adapter {
	struct net_device *netdev;
	struct abc_tx_ring *tx_ring;
};

void abc_tx_unwind(struct abc_tx_ring *ring, u16 first, u16 last);

static netdev_tx_t abc_xmit_frame(struct sk_buff *skb, struct net_device *netdev)
{
	struct abc_adapter *adapter = netdev_priv(netdev);
	struct abc_tx_ring *ring = adapter->tx_ring;
	unsigned int nr_frags = skb_shinfo(skb)->nr_frags;
	u16 first = ring->next_to_use, i = first;
	struct abc_tx_buffer *tx_buf = &ring->buffer_info[i];
	unsigned int f;
	dma_addr_t dma;

	if (skb_put_padto(skb, ETH_ZLEN))
		return NETDEV_TX_OK;

	dma = dma_map_single(ring->dev, skb->data, skb_headlen(skb), DMA_TO_DEVICE);
	if (dma_mapping_error(ring->dev, dma))
		goto drop;

	dma_unmap_addr_set(tx_buf, dma, dma);
	dma_unmap_len_set(tx_buf, len, skb_headlen(skb));
	tx_buf->is_page = false;
	tx_buf->skb = skb;
	ring->desc[i].addr = cpu_to_le64(dma);
	ring->desc[i].len_flags = cpu_to_le32(skb_headlen(skb));

	for (f = 0; f < nr_frags; f++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[f];
		dma_addr_t fdma;

		i = (i + 1) % ring->count;
		tx_buf = &ring->buffer_info[i];

		fdma = skb_frag_dma_map(ring->dev, frag, 0, skb_frag_size(frag), DMA_TO_DEVICE);
		if (dma_mapping_error(ring->dev, fdma))
			goto unwind;

		dma_unmap_addr_set(tx_buf, dma, fdma);
		dma_unmap_len_set(tx_buf, len, skb_frag_size(frag));
		tx_buf->is_page = true;
		ring->desc[i].addr = cpu_to_le64(fdma);
		ring->desc[i].len_flags = cpu_to_le32(skb_frag_size(frag));
	}

	ring->desc[i].len_flags |= cpu_to_le32(ABC_TX_DESC_EOP);
	netdev_sent_queue(netdev, skb->len);

	ring->next_to_use = (i + 1) % ring->count;
	/* descriptors must be visible before the doorbell */
	wmb();
	writel(ring->next_to_use, ring->tail);
	return NETDEV_TX_OK;

unwind:
	/* unmaps entries first..i-1 and frees first->skb */
	abc_tx_unwind(ring, first, i);
	netdev->stats.tx_dropped++;
	return NETDEV_TX_OK;

drop:
	dev_kfree_skb_any(skb);
	netdev->stats.tx_dropped++;
	return NETDEV_TX_OK;
}
