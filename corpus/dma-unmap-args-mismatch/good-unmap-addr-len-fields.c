/* dma-unmap-args-mismatch (good): TX completion unmaps with dma_unmap_addr()/dma_unmap_len() recorded at map time. */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>

struct rbn_tx_buf {
	struct sk_buff *skb;
	DEFINE_DMA_UNMAP_ADDR(dma);
	DEFINE_DMA_UNMAP_LEN(len);
	bool page;
};

struct rbn_tx_ring {
	struct device *dev;
	struct rbn_tx_buf *bufs;
	u16 next_to_clean;
	u16 size;
};

static int rbn_clean_tx(struct rbn_tx_ring *ring, u16 hw_cons, int budget)
{
	int done = 0;

	while (ring->next_to_clean != hw_cons && done < budget) {
		struct rbn_tx_buf *tb = &ring->bufs[ring->next_to_clean];

		if (tb->page)
			dma_unmap_page(ring->dev, dma_unmap_addr(tb, dma),
				       dma_unmap_len(tb, len), DMA_TO_DEVICE);
		else
			dma_unmap_single(ring->dev, dma_unmap_addr(tb, dma),
					 dma_unmap_len(tb, len), DMA_TO_DEVICE);
		dma_unmap_len_set(tb, len, 0);
		if (tb->skb) {
			napi_consume_skb(tb->skb, budget);
			tb->skb = NULL;
			done++;
		}
		ring->next_to_clean = (ring->next_to_clean + 1) % ring->size;
	}
	return done;
}
