/* phys_to_virt() of page_to_phys() of a lowmem page is a CPU address round trip. */
#include <linux/mm.h>

static void *scratch_kaddr(struct page *pg, unsigned int off)
{
	phys_addr_t pa = page_to_phys(pg) + off;

	return phys_to_virt(pa);
}
