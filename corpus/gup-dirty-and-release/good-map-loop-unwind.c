/* A per-page mapping loop fails half way: the unwind unmaps and unpins without dirtying; the device never ran. */
#include <linux/mm.h>
#include <linux/dma-mapping.h>

#define VCAP_MAX_PAGES 64

struct vcap_buf {
	struct device *dev;
	struct page *pages[VCAP_MAX_PAGES];
	dma_addr_t dma[VCAP_MAX_PAGES];
	int count;
};

static int vcap_map_user(struct vcap_buf *vb, unsigned long uaddr, int count)
{
	int i, n;

	if (count > VCAP_MAX_PAGES)
		return -EINVAL;
	n = pin_user_pages_fast(uaddr & PAGE_MASK, count, FOLL_WRITE, vb->pages);
	if (n < 0)
		return n;
	if (n != count) {
		unpin_user_pages(vb->pages, n);
		return -EFAULT;
	}
	for (i = 0; i < n; i++) {
		vb->dma[i] = dma_map_page(vb->dev, vb->pages[i], 0, PAGE_SIZE, DMA_FROM_DEVICE);
		if (dma_mapping_error(vb->dev, vb->dma[i]))
			goto unwind;
	}
	vb->count = n;
	return 0;

unwind:
	while (--i >= 0)
		dma_unmap_page(vb->dev, vb->dma[i], PAGE_SIZE, DMA_FROM_DEVICE);
	unpin_user_pages(vb->pages, n);
	return -ENOMEM;
}

static void vcap_done(struct vcap_buf *vb)
{
	int i;

	for (i = 0; i < vb->count; i++)
		dma_unmap_page(vb->dev, vb->dma[i], PAGE_SIZE, DMA_FROM_DEVICE);
	unpin_user_pages_dirty_lock(vb->pages, vb->count, true);
}
