/* addr-dma-handle-as-cpu-address: the page behind a streaming mapping is looked up from the handle. */
#include <linux/dma-mapping.h>
#include <linux/mm.h>

struct rx_slot {
	void *buf;
	dma_addr_t dma;
	size_t len;
};

static int rx_slot_map(struct device *dev, struct rx_slot *s)
{
	s->dma = dma_map_single(dev, s->buf, s->len, DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, s->dma))
		return -ENOMEM;
	return 0;
}

static struct page *rx_slot_page(struct rx_slot *s)
{
	return pfn_to_page(s->dma >> PAGE_SHIFT);	/* expect-warning addr-dma-handle-as-cpu-address */
}
