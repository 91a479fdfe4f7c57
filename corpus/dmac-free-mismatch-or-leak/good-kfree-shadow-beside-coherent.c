/* dmac-free-mismatch-or-leak (good): the kcalloc'ed shadow array is kfree'd and the coherent descriptor ring goes back with dma_free_coherent(). */
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
		ret = -ENOMEM;
		goto err_free_ring;
	}

	ret = txq_register_with_fw(q, desc_dma, TXQ_DEPTH);
	if (ret)
		goto err_free_bufs;

	q->desc = desc;
	q->desc_dma = desc_dma;
	q->bufs = bufs;
	return 0;

err_free_bufs:
	kfree(bufs);
err_free_ring:
	dma_free_coherent(q->dev, TXQ_RING_BYTES, desc, desc_dma);
	return ret;
}
