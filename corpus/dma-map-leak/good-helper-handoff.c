/* dma-map-leak (good): the checked handle is handed to a driver helper that owns it from then on. */
#include <linux/dma-mapping.h>
#include <linux/skbuff.h>

struct mlk_sq;
int mlk_sq_post(struct mlk_sq *sq, struct sk_buff *skb, dma_addr_t dma, u32 len);

struct mlk_channel {
	struct device *pdev;
	struct mlk_sq *sq;
	u64 tx_map_err;
};

static int mlk_xmit_linear(struct mlk_channel *c, struct sk_buff *skb)
{
	dma_addr_t dma;
	u32 len = skb_headlen(skb);

	dma = dma_map_single(c->pdev, skb->data, len, DMA_TO_DEVICE);
	if (unlikely(dma_mapping_error(c->pdev, dma))) {
		c->tx_map_err++;
		return -ENOMEM;
	}

	/* from here on the send queue owns the mapping and unmaps it on completion */
	return mlk_sq_post(c->sq, skb, dma, len);
}
