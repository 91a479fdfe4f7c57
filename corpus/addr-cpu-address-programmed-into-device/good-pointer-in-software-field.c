/* A kernel pointer kept in a software-only field of a descriptor (the cookie) is not a device address. */
#include <linux/dma-mapping.h>
#include <linux/skbuff.h>

struct rx_desc {
	__le64 addr;
	__le32 len;
	__le32 status;
};

struct rx_buf {
	struct sk_buff *skb;
	dma_addr_t dma;
};

struct rx_ring {
	struct device *dev;
	struct rx_desc *desc;
	struct rx_buf *bufs;
	unsigned int tail;
};

static int rx_refill_one(struct rx_ring *r, struct sk_buff *skb)
{
	struct rx_buf *b = &r->bufs[r->tail];

	b->dma = dma_map_single(r->dev, skb->data, 2048, DMA_FROM_DEVICE);
	if (dma_mapping_error(r->dev, b->dma))
		return -ENOMEM;
	b->skb = skb;
	r->desc[r->tail].addr = cpu_to_le64(b->dma);
	r->tail++;
	return 0;
}
