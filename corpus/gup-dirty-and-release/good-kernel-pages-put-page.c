/* put_page() on pages the driver allocated itself, next to a pinned user buffer released with unpin_user_pages(). */
#include <linux/mm.h>
#include <linux/gfp.h>

struct ring_ctx {
	struct page *ring_pages[4];
	struct page **user_pages;
	int nr_user;
};

static int ring_ctx_init(struct ring_ctx *rc, unsigned long uaddr, int nr)
{
	int i, n;

	for (i = 0; i < 4; i++) {
		rc->ring_pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!rc->ring_pages[i])
			goto err_ring;
	}
	n = pin_user_pages_fast(uaddr, nr, FOLL_LONGTERM, rc->user_pages);
	if (n < 0)
		goto err_ring;
	if (n != nr) {
		unpin_user_pages(rc->user_pages, n);
		goto err_ring;
	}
	rc->nr_user = n;
	return 0;

err_ring:
	while (--i >= 0)
		put_page(rc->ring_pages[i]);
	return -ENOMEM;
}

static void ring_ctx_fini(struct ring_ctx *rc)
{
	int i;

	unpin_user_pages(rc->user_pages, rc->nr_user);
	for (i = 0; i < 4; i++)
		put_page(rc->ring_pages[i]);
}
