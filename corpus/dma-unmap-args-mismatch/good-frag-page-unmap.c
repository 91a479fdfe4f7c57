/* dma-unmap-args-mismatch (good): skb_frag_dma_map() undone with dma_unmap_page() and the same size when posting fails. */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>

struct wqx_sq;
int wqx_post_frag(struct wqx_sq *sq, dma_addr_t dma, unsigned int len, bool last);

struct wqx_txq {
	struct device *dev;
	struct wqx_sq *sq;
};

static int wqx_map_one_frag(struct wqx_txq *q, const skb_frag_t *frag, bool last)
{
	unsigned int size = skb_frag_size(frag);
	dma_addr_t dma;
	int err;

	dma = skb_frag_dma_map(q->dev, frag, 0, size, DMA_TO_DEVICE);
	if (dma_mapping_error(q->dev, dma))
		return -ENOMEM;

	if (size > SZ_64K) {
		dma_unmap_page(q->dev, dma, size, DMA_TO_DEVICE);
		return -EINVAL;
	}

	err = wqx_post_frag(q->sq, dma, size, last);
	if (err)
		dma_unmap_page(q->dev, dma, size, DMA_TO_DEVICE);
	return err;
}
