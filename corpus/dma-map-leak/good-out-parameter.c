/* dma-map-leak (good): the mapping leaves the function through an out-parameter after the check. */
#include <linux/dma-mapping.h>
#include <linux/mm.h>

struct vq_page_pool {
	struct device *dev;
	unsigned int order;
};

static struct page *vq_alloc_mapped_page(struct vq_page_pool *pp, dma_addr_t *dma_out)
{
	struct page *page;
	dma_addr_t dma;

	page = alloc_pages(GFP_ATOMIC | __GFP_NOWARN, pp->order);
	if (!page)
		return NULL;

	dma = dma_map_page(pp->dev, page, 0, PAGE_SIZE << pp->order, DMA_FROM_DEVICE);
	if (dma_mapping_error(pp->dev, dma)) {
		__free_pages(page, pp->order);
		return NULL;
	}

	*dma_out = dma;
	return page;
}
