/* A struct resource handed in by walk_system_ram_range()-style iteration describes RAM: __va() of it is fine, and unknown here. */
#include <linux/ioport.h>
#include <linux/mm.h>

static u32 crc_region(struct resource *res, u32 crc)
{
	u32 *p = phys_to_virt(res->start);
	size_t n = resource_size(res) / sizeof(u32);

	while (n--)
		crc ^= *p++;
	return crc;
}
