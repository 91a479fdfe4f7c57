/* addr-highmem-page-address: a snapshot helper copies from a lowmem page (fine) into a GFP_HIGHUSER destination page through page_address() (not fine). */
#include <linux/highmem.h>
#include <linux/gfp.h>
#include <linux/mm.h>

struct cmb_region {
	struct device *dev;
	struct page *snap;
	struct page *user_copy;
};

static int cmb_snapshot(struct cmb_region *cr, const void *src, size_t len)
{
	struct page *snap, *copy;
	void *s;

	if (len > PAGE_SIZE)
		return -EINVAL;

	snap = alloc_page(GFP_KERNEL);
	if (!snap)
		return -ENOMEM;
	copy = alloc_page(GFP_HIGHUSER);
	if (!copy) {
		__free_page(snap);
		return -ENOMEM;
	}

	s = page_address(snap);
	memcpy(s, src, len);
	memcpy(page_address(copy), s, len);	/* expect-warning addr-highmem-page-address */

	cr->snap = snap;
	cr->user_copy = copy;
	return 0;
}
