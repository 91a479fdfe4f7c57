/* The first page is looked at before the result of the pin is tested: on failure pages[0] is garbage. */
#include <linux/mm.h>
#include <linux/highmem.h>

struct ring_desc {
	__le32 magic;
	__le32 len;
};

static int ring_check_user(unsigned long uaddr, int nr, struct page **pages)
{
	struct ring_desc *d;
	void *va;
	int n, ok;

	n = pin_user_pages_fast(uaddr, nr, 0, pages);
	va = kmap_local_page(pages[0]); /* expect-warning gup-return-partial */
	d = va;
	ok = le32_to_cpu(d->magic) == 0x52494e47;
	kunmap_local(va);
	if (n < 0)
		return n;
	unpin_user_pages(pages, n);
	return ok ? 0 : -EINVAL;
}
