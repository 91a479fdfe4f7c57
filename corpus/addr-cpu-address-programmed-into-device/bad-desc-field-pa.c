/* addr-cpu-address-programmed-into-device: a coherent descriptor ring gets __pa() of an skb's data. */
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
	unsigned int head;
};

static int ring_alloc(struct tx_ring *r, unsigned int n)
{
	r->desc = dma_alloc_coherent(r->dev, n * sizeof(*r->desc), &r->desc_dma, GFP_KERNEL);
	return r->desc ? 0 : -ENOMEM;
}

static void ring_post(struct tx_ring *r, struct sk_buff *skb)
{
	struct tx_desc *d = &r->desc[r->head];

	d->addr = cpu_to_le64(__pa(skb->data));		/* expect-warning addr-cpu-address-programmed-into-device */
	d->len = cpu_to_le32(skb->len);
	d->flags = cpu_to_le32(1);
	r->head++;
}
