/* LDD3's direct-I/O release loop transliterated onto pin_user_pages(): SetPageDirty() and put_page() on FOLL_PIN pages. */
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct dio_req {
	struct device *dev;
	struct page **pages;
	int npages;
	struct sg_table sgt;
};

static int dio_pin(struct dio_req *r, unsigned long uaddr, size_t len)
{
	int n;

	r->npages = DIV_ROUND_UP(offset_in_page(uaddr) + len, PAGE_SIZE);
	mmap_read_lock(current->mm);
	n = pin_user_pages(uaddr & PAGE_MASK, r->npages, FOLL_WRITE, r->pages, NULL);
	mmap_read_unlock(current->mm);
	if (n < 0)
		return n;
	if (n != r->npages) {
		unpin_user_pages(r->pages, n);
		return -EFAULT;
	}
	return 0;
}

static void dio_complete(struct dio_req *r)
{
	int i;

	dma_unmap_sgtable(r->dev, &r->sgt, DMA_FROM_DEVICE, 0);
	sg_free_table(&r->sgt);
	for (i = 0; i < r->npages; i++) {
		if (!PageReserved(r->pages[i]))
			SetPageDirty(r->pages[i]); /* expect-warning gup-dirty-and-release */
		put_page(r->pages[i]); /* expect-warning gup-dirty-and-release */
	}
}
