/* The dfl-afu shape: a short pin jumps into the ladder at the unpin, which releases the count actually pinned. */
#include <linux/mm.h>
#include <linux/slab.h>

struct fpga_dma_region {
	u64 user_addr;
	u64 length;
	struct page **pages;
};

static int afu_dma_pin_pages(struct fpga_dma_region *region)
{
	int npages = region->length >> PAGE_SHIFT;
	int pinned, ret;

	region->pages = kcalloc(npages, sizeof(struct page *), GFP_KERNEL);
	if (!region->pages)
		return -ENOMEM;

	pinned = pin_user_pages_fast(region->user_addr, npages, FOLL_WRITE, region->pages);
	if (pinned < 0) {
		ret = pinned;
		goto free_pages;
	} else if (pinned != npages) {
		ret = -EFAULT;
		goto unpin_pages;
	}
	return 0;

unpin_pages:
	unpin_user_pages(region->pages, pinned);
free_pages:
	kfree(region->pages);
	region->pages = NULL;
	return ret;
}
