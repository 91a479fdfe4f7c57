/* dmac-free-mismatch-or-leak (good): one allocation is split into per-entry slots inside a loop (rt2x00 shape); the zero-iteration path is not a leak report. */
#include <linux/dma-mapping.h>

struct qe_priv {
	void *desc;
	dma_addr_t desc_dma;
};

struct qe_entry {
	struct qe_priv *priv_data;
};

struct qe_queue {
	struct qe_entry *entries;
	unsigned int limit;
	unsigned int desc_size;
};

struct qe_dev {
	struct device *dev;
};

static int qe_alloc_queue_dma(struct qe_dev *qd, struct qe_queue *queue)
{
	struct qe_priv *ep;
	void *addr;
	dma_addr_t dma;
	unsigned int i;

	addr = dma_alloc_coherent(qd->dev, queue->limit * queue->desc_size, &dma, GFP_KERNEL);
	if (!addr)
		return -ENOMEM;

	for (i = 0; i < queue->limit; i++) {
		ep = queue->entries[i].priv_data;
		ep->desc = addr + i * queue->desc_size;
		ep->desc_dma = dma + i * queue->desc_size;
	}
	return 0;
}
