/* on an error path a driver helper that is given the ring unwinds the mappings, then the skb is freed (bnad/tg3 shape) */
struct zx_tx_buf {
	struct sk_buff *skb;
	DEFINE_DMA_UNMAP_ADDR(dma);
	DEFINE_DMA_UNMAP_LEN(len);
};

struct zx_ring {
	struct device *dev;
	struct zx_tx_buf *bufs;
	unsigned int head;
};

void zx_unwind(struct zx_ring *ring, unsigned int first);
int zx_post(struct zx_ring *ring, unsigned int idx);

static netdev_tx_t zx_xmit(struct sk_buff *skb, struct zx_ring *ring)
{
	struct zx_tx_buf *tb = &ring->bufs[ring->head];
	dma_addr_t dma;

	dma = dma_map_single(ring->dev, skb->data, skb_headlen(skb), DMA_TO_DEVICE);
	if (dma_mapping_error(ring->dev, dma)) {
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	tb->skb = skb;
	dma_unmap_addr_set(tb, dma, dma);
	dma_unmap_len_set(tb, len, skb_headlen(skb));

	if (zx_post(ring, ring->head)) {
		zx_unwind(ring, ring->head);
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	return NETDEV_TX_OK;
}
