/* addr-highmem-page-address (good): highmem RX pages reach the device through dma_map_page() and the CPU pre-fills the status word through kmap_local_page(). */
#include <linux/dma-mapping.h>
#include <linux/highmem.h>
#include <linux/gfp.h>

#define RXQ_STATUS_EMPTY	0xffffffff

struct rxq_desc {
	__le64 addr;
	__le32 len;
	__le32 flags;
};

struct rxq_ring {
	struct device *dev;
	struct rxq_desc *desc;
	struct page **pages;
	dma_addr_t *dma;
};

static int rxq_refill_one(struct rxq_ring *ring, unsigned int i)
{
	struct page *pg;
	dma_addr_t dma;
	u32 *status;

	pg = alloc_page(GFP_ATOMIC | __GFP_HIGHMEM);
	if (!pg)
		return -ENOMEM;

	status = kmap_local_page(pg);
	*status = RXQ_STATUS_EMPTY;
	kunmap_local(status);

	dma = dma_map_page(ring->dev, pg, 0, PAGE_SIZE, DMA_FROM_DEVICE);
	if (dma_mapping_error(ring->dev, dma)) {
		__free_page(pg);
		return -ENOMEM;
	}

	ring->pages[i] = pg;
	ring->dma[i] = dma;
	ring->desc[i].addr = cpu_to_le64(dma);
	ring->desc[i].len = cpu_to_le32(PAGE_SIZE);
	return 0;
}
