/* Video capture into user memory: the result is only tested for < 0, and every requested page is DMA-mapped and released. */
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
	if (n <= 0)
		return n ? n : -EFAULT;

	for (i = 0; i < count; i++) {
		vb->dma[i] = dma_map_page(vb->dev, vb->pages[i], 0, PAGE_SIZE, DMA_FROM_DEVICE); /* expect-warning gup-return-partial */
		if (dma_mapping_error(vb->dev, vb->dma[i]))
			goto unwind;
	}
	vb->count = count;
	return 0;

unwind:
	while (--i >= 0)
		dma_unmap_page(vb->dev, vb->dma[i], PAGE_SIZE, DMA_FROM_DEVICE);
	for (i = 0; i < count; i++)
		unpin_user_page(vb->pages[i]); /* expect-warning gup-return-partial */
	return -ENOMEM;
}
