/* A driver ported from 2.6: page_cache_release() was removed in 4.6. */
#include <linux/mm.h>
#include <linux/pagemap.h>

struct old_dio {
	struct page **pages;
	int nr;
};

static void old_dio_release(struct old_dio *d, int dirty)
{
	int i;

	for (i = 0; i < d->nr; i++) {
		if (dirty)
			set_page_dirty_lock(d->pages[i]);
		page_cache_release(d->pages[i]); /* expect-warning gup-dirty-and-release */
	}
}

static int old_dio_get(struct old_dio *d, unsigned long uaddr, int nr)
{
	int got;

	mmap_read_lock(current->mm);
	got = get_user_pages(uaddr, nr, FOLL_WRITE, d->pages, NULL);
	mmap_read_unlock(current->mm);
	if (got < 0)
		return got;
	d->nr = got;
	return got == nr ? 0 : -EFAULT;
}
