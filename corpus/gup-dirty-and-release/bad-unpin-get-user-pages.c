/* get_user_pages_fast() takes plain page references; unpin_user_pages() expects FOLL_PIN pins and corrupts the refcount. */
#include <linux/mm.h>
#include <linux/highmem.h>

struct qp_pages {
	struct page **pages;
	int nr;
};

static int qp_host_get_user_memory(struct qp_pages *q, unsigned long uva, int nr)
{
	int retval;

	retval = get_user_pages_fast(uva, nr, FOLL_WRITE, q->pages);
	if (retval < nr) {
		if (retval > 0)
			release_pages(q->pages, retval);
		return -ENOMEM;
	}
	q->nr = nr;
	return 0;
}

static void qp_host_unregister_user_memory(struct qp_pages *q)
{
	unpin_user_pages_dirty_lock(q->pages, q->nr, true); /* expect-warning gup-dirty-and-release */
	q->nr = 0;
}
