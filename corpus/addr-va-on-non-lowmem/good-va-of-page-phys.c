/* __va() of an address that came from page_to_phys() of a lowmem page is fine. */
#include <linux/mm.h>

static void *ring_kaddr(struct page *pg)
{
	phys_addr_t pa = page_to_phys(pg);

	return __va(pa);
}
