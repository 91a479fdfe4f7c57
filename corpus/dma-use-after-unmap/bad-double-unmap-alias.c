/* dma-use-after-unmap: the head is unmapped through the local handle and again through its ring copy. */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>

struct fbx_tx_buf {
	struct sk_buff *skb;
	DEFINE_DMA_UNMAP_ADDR(dma);
	DEFINE_DMA_UNMAP_LEN(len);
};

struct fbx_txq {
	struct device *dev;
	struct fbx_tx_buf *bufs;
	u16 tail;
	u16 free;
};

static netdev_tx_t fbx_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct fbx_txq *q = netdev_priv(ndev);
	struct fbx_tx_buf *tb = &q->bufs[q->tail];
	unsigned int len = skb_headlen(skb);
	dma_addr_t dma;

	dma = dma_map_single(q->dev, skb->data, len, DMA_TO_DEVICE);
	if (dma_mapping_error(q->dev, dma))
		goto drop;
	dma_unmap_addr_set(tb, dma, dma);
	dma_unmap_len_set(tb, len, len);

	if (unlikely(q->free < 2)) {
		dma_unmap_single(q->dev, dma, len, DMA_TO_DEVICE);
		netif_stop_queue(ndev);
		goto undo;
	}

	tb->skb = skb;
	q->tail++;
	q->free--;
	return NETDEV_TX_OK;

undo:
	dma_unmap_single(q->dev, dma_unmap_addr(tb, dma), dma_unmap_len(tb, len), DMA_TO_DEVICE); /* expect-warning dma-use-after-unmap */
	dma_unmap_len_set(tb, len, 0);
drop:
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}
