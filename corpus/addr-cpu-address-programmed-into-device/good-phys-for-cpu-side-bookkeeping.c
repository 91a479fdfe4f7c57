/* virt_to_phys() used for a CPU-side check (is the buffer below 4 GiB?) never reaches the device. */
#include <linux/io.h>
#include <linux/slab.h>

static bool buf_is_low(void *buf)
{
	phys_addr_t pa = virt_to_phys(buf);

	return pa + PAGE_SIZE <= 0x100000000ULL;
}
