/* A do { ... } while (1) loop over the fragments: each mapping is handed to the ring on the next turn, and the loop only ends by return. */
#include <linux/dma-mapping.h>
#include <linux/skbuff.h>

struct tx_buf {
	dma_addr_t dma_addr;
	unsigned int len;
	struct sk_buff *skb;
};

struct tx_queue {
	struct device *dev;
	struct tx_buf *bufs;
	unsigned int insert;
	unsigned int mask;
};

static struct tx_buf *txq_put(struct tx_queue *q, dma_addr_t addr, unsigned int len)
{
	struct tx_buf *b = &q->bufs[q->insert++ & q->mask];

	b->dma_addr = addr;
	b->len = len;
	return b;
}

static int txq_map_data(struct tx_queue *q, struct sk_buff *skb)
{
	unsigned int frag_index = 0, nr_frags = skb_shinfo(skb)->nr_frags;
	unsigned int len = skb_headlen(skb);
	dma_addr_t dma_addr;

	dma_addr = dma_map_single(q->dev, skb->data, len, DMA_TO_DEVICE);
	if (dma_mapping_error(q->dev, dma_addr))
		return -EIO;

	do {
		struct tx_buf *b = txq_put(q, dma_addr, len);
		skb_frag_t *fragment;

		if (frag_index >= nr_frags) {
			b->skb = skb;
			return 0;
		}
		fragment = &skb_shinfo(skb)->frags[frag_index++];
		len = skb_frag_size(fragment);
		dma_addr = skb_frag_dma_map(q->dev, fragment, 0, len, DMA_TO_DEVICE);
		if (dma_mapping_error(q->dev, dma_addr))
			return -EIO;
	} while (1);
}
