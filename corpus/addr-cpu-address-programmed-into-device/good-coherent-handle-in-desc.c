/* Descriptors in coherent memory receive handles from dma_map_single(). */
#include <linux/dma-mapping.h>
#include <linux/skbuff.h>

struct tx_desc {
	__le64 addr;
	__le32 len;
	__le32 flags;
};

struct tx_ring {
	struct device *dev;
	struct tx_desc *desc;
	dma_addr_t desc_dma;
	dma_addr_t *slot_dma;
	unsigned int head;
};

static int ring_post(struct tx_ring *r, struct sk_buff *skb)
{
	struct tx_desc *d = &r->desc[r->head];
	dma_addr_t h = dma_map_single(r->dev, skb->data, skb->len, DMA_TO_DEVICE);

	if (dma_mapping_error(r->dev, h))
		return -ENOMEM;
	r->slot_dma[r->head] = h;
	d->addr = cpu_to_le64(h);
	d->len = cpu_to_le32(skb->len);
	r->head++;
	return 0;
}
