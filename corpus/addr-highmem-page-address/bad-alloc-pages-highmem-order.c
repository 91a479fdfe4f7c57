/* addr-highmem-page-address: an order-2 audio ring is allocated with GFP_KERNEL | __GFP_HIGHMEM and its CPU address taken with page_address(). */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <sound/pcm.h>

#define SSP_RING_ORDER		2
#define SSP_RING_BYTES		(PAGE_SIZE << SSP_RING_ORDER)

struct ssp_stream {
	struct device *dev;
	struct page *ring_pages;
	void *ring;
	size_t ring_bytes;
	unsigned int hw_ptr;
};

static int ssp_alloc_ring(struct ssp_stream *st)
{
	struct page *pages;

	pages = alloc_pages(GFP_KERNEL | __GFP_HIGHMEM | __GFP_ZERO, SSP_RING_ORDER);
	if (!pages) {
		dev_err(st->dev, "no memory for the %lu-byte ring\n", SSP_RING_BYTES);
		return -ENOMEM;
	}

	st->ring_pages = pages;
	st->ring = page_address(pages);		/* expect-warning addr-highmem-page-address */
	st->ring_bytes = SSP_RING_BYTES;
	st->hw_ptr = 0;
	return 0;
}

static void ssp_free_ring(struct ssp_stream *st)
{
	__free_pages(st->ring_pages, SSP_RING_ORDER);
	st->ring_pages = NULL;
	st->ring = NULL;
}
