/* addr-highmem-page-address (good): pages from GFP_KERNEL, GFP_DMA32 and GFP_ATOMIC allocations are always lowmem, so page_address() is their kernel address. */
#include <linux/gfp.h>
#include <linux/mm.h>

#define SSP_RING_ORDER		2
#define SSP_RING_BYTES		(PAGE_SIZE << SSP_RING_ORDER)

struct ssp_stream {
	struct device *dev;
	struct page *ring_pages;
	struct page *status_page;
	void *ring;
	u32 *status;
	void *scratch;
};

static int ssp_alloc_buffers(struct ssp_stream *st)
{
	struct page *pages, *status, *scratch;

	pages = alloc_pages(GFP_KERNEL | __GFP_ZERO, SSP_RING_ORDER);
	if (!pages)
		return -ENOMEM;

	status = alloc_page(GFP_DMA32 | __GFP_ZERO);
	if (!status)
		goto err_ring;

	scratch = alloc_page(GFP_ATOMIC);
	if (!scratch)
		goto err_status;

	st->ring_pages = pages;
	st->ring = page_address(pages);
	st->status_page = status;
	st->status = page_address(status);
	st->scratch = page_address(scratch);
	return 0;

err_status:
	__free_page(status);
err_ring:
	__free_pages(pages, SSP_RING_ORDER);
	return -ENOMEM;
}
