/* addr-highmem-page-address: an RX refill allocates GFP_ATOMIC | __GFP_HIGHMEM pages, maps them correctly, but pre-fills the status word through page_address(). */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>
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
	unsigned int count;
};

static int rxq_refill_one(struct rxq_ring *ring, unsigned int i)
{
	struct page *pg;
	dma_addr_t dma;

	pg = alloc_page(GFP_ATOMIC | __GFP_HIGHMEM);
	if (!pg)
		return -ENOMEM;

	*(u32 *)page_address(pg) = RXQ_STATUS_EMPTY;	/* expect-warning addr-highmem-page-address */

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
