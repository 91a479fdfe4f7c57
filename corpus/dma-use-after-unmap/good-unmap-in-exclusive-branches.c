/* dma-use-after-unmap (good): the handle is unmapped in either the drop branch or the deliver branch, never both. */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>

#define KSX_RXSZ	2048

struct ksx_rx_buf {
	struct sk_buff *skb;
	DEFINE_DMA_UNMAP_ADDR(dma);
};

struct ksx_rxq {
	struct napi_struct napi;
	struct device *dev;
	u64 dropped;
};

static void ksx_rx_one(struct ksx_rxq *q, struct ksx_rx_buf *rb, unsigned int len, bool err)
{
	struct sk_buff *skb = rb->skb;

	if (err) {
		dma_unmap_single(q->dev, dma_unmap_addr(rb, dma), KSX_RXSZ, DMA_FROM_DEVICE);
		dev_kfree_skb_any(skb);
		q->dropped++;
	} else {
		dma_unmap_single(q->dev, dma_unmap_addr(rb, dma), KSX_RXSZ, DMA_FROM_DEVICE);
		skb_put(skb, len);
		napi_gro_receive(&q->napi, skb);
	}
	rb->skb = NULL;
}
