/* dmac-free-mismatch-or-leak: the error path swaps the pointers: kfree() gets the coherent ring, dma_free_coherent() the kcalloc'ed shadow array. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define TXQ_DEPTH		512
#define TXQ_RING_BYTES		(TXQ_DEPTH * sizeof(struct txq_desc))

struct txq_desc {
	__le64 addr;
	__le32 len_flags;
	__le32 rsvd;
};

struct txq_buf {
	struct sk_buff *skb;
	dma_addr_t dma;
	u32 len;
};

struct txq {
	struct device *dev;
	struct txq_desc *desc;
	struct txq_buf *bufs;
	dma_addr_t desc_dma;
};

int txq_register_with_fw(struct txq *q, dma_addr_t ring, u32 depth);

static int txq_setup(struct txq *q)
{
	struct txq_desc *desc;
	struct txq_buf *bufs;
	dma_addr_t desc_dma;
	int ret;

	desc = dma_alloc_coherent(q->dev, TXQ_RING_BYTES, &desc_dma, GFP_KERNEL);
	if (!desc)
		return -ENOMEM;

	bufs = kcalloc(TXQ_DEPTH, sizeof(*bufs), GFP_KERNEL);
	if (!bufs) {
		dma_free_coherent(q->dev, TXQ_RING_BYTES, desc, desc_dma);
		return -ENOMEM;
	}

	ret = txq_register_with_fw(q, desc_dma, TXQ_DEPTH);
	if (ret) {
		kfree(desc); /* expect-warning dmac-free-mismatch-or-leak */
		dma_free_coherent(q->dev, TXQ_RING_BYTES, bufs, desc_dma); /* expect-warning dmac-free-mismatch-or-leak */
		return ret;
	}

	q->desc = desc;
	q->desc_dma = desc_dma;
	q->bufs = bufs;
	return 0;
}
