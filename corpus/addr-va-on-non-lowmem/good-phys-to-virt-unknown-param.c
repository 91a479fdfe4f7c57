/* phys_to_virt() of a parameter of unknown origin: unknown is not reported. */
#include <linux/io.h>

struct tbl_hdr {
	u32 sig;
	u32 len;
};

static u32 tbl_signature(phys_addr_t table)
{
	struct tbl_hdr *h = phys_to_virt(table);

	return h->sig;
}
