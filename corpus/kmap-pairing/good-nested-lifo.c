/* kmap-pairing (good): RAID-style parity over three pages with nested kmap_local_page() mappings released in reverse order, and a nested kmap_atomic() pair likewise. */
#include <linux/highmem.h>

static void par_xor3(struct page *dst, struct page *a, struct page *b, unsigned int len)
{
	u8 *pa, *pb, *pd;
	unsigned int i;

	pa = kmap_local_page(a);
	pb = kmap_local_page(b);
	pd = kmap_local_page(dst);
	for (i = 0; i < len; i++)
		pd[i] = pa[i] ^ pb[i];
	kunmap_local(pd);
	kunmap_local(pb);
	kunmap_local(pa);
}

static bool par_compare(struct page *x, struct page *y)
{
	void *vx = kmap_atomic(x);
	void *vy = kmap_atomic(y);
	bool same = !memcmp(vx, vy, PAGE_SIZE);

	kunmap_atomic(vy);
	kunmap_atomic(vx);
	return same;
}

static void par_copy_then_check(struct page *dst, struct page *src)
{
	void *s = kmap_local_page(src);
	void *d = kmap_local_page(dst);

	memcpy(d, s, PAGE_SIZE);
	kunmap_local(d);
	d = kmap_local_page(dst);
	WARN_ON(memcmp(d, s, PAGE_SIZE));
	kunmap_local(d);
	kunmap_local(s);
}
