/* dma-map-leak (good): a mapping helper returns the checked handle to its caller (escape by return). */
#include <linux/dma-mapping.h>

struct hpq_rx_slot {
	void *buf;
	dma_addr_t dma;
};

struct hpq_queue {
	struct device *dev;
	unsigned int buf_len;
	struct hpq_rx_slot *slots;
};

static dma_addr_t hpq_map_rx(struct hpq_queue *q, void *buf)
{
	dma_addr_t dma;

	dma = dma_map_single(q->dev, buf, q->buf_len, DMA_FROM_DEVICE);
	if (dma_mapping_error(q->dev, dma)) {
		dev_warn_ratelimited(q->dev, "rx mapping failed\n");
		return DMA_MAPPING_ERROR;
	}
	return dma;
}

static int hpq_fill_slot(struct hpq_queue *q, unsigned int i)
{
	struct hpq_rx_slot *slot = &q->slots[i];
	dma_addr_t dma;

	dma = hpq_map_rx(q, slot->buf);
	if (dma == DMA_MAPPING_ERROR)
		return -ENOMEM;
	slot->dma = dma;
	return 0;
}
