/* radeon/i915 userptr shape: pins collected in a loop until everything is pinned; each pass pins "the rest". */
#include <linux/mm.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct ttm_userptr {
	struct device *dev;
	unsigned long userptr;
	unsigned long num_pages;
	struct page **pages;
	struct sg_table sgt;
};

static int userptr_pin(struct ttm_userptr *t)
{
	unsigned long pinned = 0;
	int r;

	do {
		unsigned long num = t->num_pages - pinned;
		unsigned long uaddr = t->userptr + pinned * PAGE_SIZE;
		struct page **pages = t->pages + pinned;

		r = pin_user_pages_fast(uaddr, num, FOLL_WRITE, pages);
		if (r < 0)
			goto release_pages;
		pinned += r;
	} while (pinned < t->num_pages);

	r = sg_alloc_table_from_pages(&t->sgt, t->pages, t->num_pages, 0,
				      t->num_pages << PAGE_SHIFT, GFP_KERNEL);
	if (r)
		goto release_pages;
	r = dma_map_sgtable(t->dev, &t->sgt, DMA_BIDIRECTIONAL, 0);
	if (r)
		goto release_sg;
	return 0;

release_sg:
	sg_free_table(&t->sgt);
release_pages:
	unpin_user_pages(t->pages, pinned);
	return r;
}

static int userptr_pin_pvec(struct ttm_userptr *t, struct page **pvec)
{
	unsigned long pinned = 0;
	int ret;

	while (pinned < t->num_pages) {
		ret = pin_user_pages_fast(t->userptr + pinned * PAGE_SIZE, t->num_pages - pinned,
					  FOLL_WRITE, &pvec[pinned]);
		if (ret < 0) {
			unpin_user_pages(pvec, pinned);
			return ret;
		}
		pinned += ret;
	}
	return 0;
}
