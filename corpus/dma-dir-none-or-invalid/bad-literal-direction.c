/* dma-dir-none-or-invalid: integer literals 3 and 4 are not enum dma_data_direction values. */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>

struct ptx_tx_buf {
	struct sk_buff *skb;
	DEFINE_DMA_UNMAP_ADDR(dma);
	DEFINE_DMA_UNMAP_LEN(len);
};

struct ptx_ring {
	struct device *dev;
	struct ptx_tx_buf *bufs;
	unsigned int count;
	struct ptx_tx_buf *hdr_bufs;
};

static void ptx_clean_tx_ring(struct ptx_ring *ring)
{
	unsigned int i;

	for (i = 0; i < ring->count; i++) {
		struct ptx_tx_buf *tb = &ring->bufs[i];

		if (!tb->skb)
			continue;
		dma_unmap_single(ring->dev, dma_unmap_addr(tb, dma), dma_unmap_len(tb, len), 3); /* expect-warning dma-dir-none-or-invalid */
		dev_kfree_skb_any(tb->skb);
		tb->skb = NULL;
	}
}

static void ptx_sync_hdr(struct ptx_ring *ring, unsigned int i)
{
	struct ptx_tx_buf *hb = &ring->hdr_bufs[i];

	dma_sync_single_for_device(ring->dev, dma_unmap_addr(hb, dma), dma_unmap_len(hb, len), 4); /* expect-warning dma-dir-none-or-invalid */
}
