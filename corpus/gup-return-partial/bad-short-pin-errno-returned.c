/* ivtv-style: the negative result is returned correctly, but the short case only logs and returns -EINVAL. */
#include <linux/mm.h>

#define UDMA_MAX_PAGES 32

struct user_dma {
	struct page *map[UDMA_MAX_PAGES];
	int page_count;
};

static int udma_setup(struct user_dma *dma, unsigned long uaddr, int page_count)
{
	int err;

	if (page_count > UDMA_MAX_PAGES)
		return -EINVAL;
	err = pin_user_pages_unlocked(uaddr, page_count, dma->map, FOLL_WRITE);
	if (page_count != err) { /* expect-warning gup-return-partial */
		pr_warn("udma: pinned %d of %d pages\n", err, page_count);
		if (err >= 0)
			return -EINVAL;
		return err;
	}
	dma->page_count = page_count;
	return 0;
}
