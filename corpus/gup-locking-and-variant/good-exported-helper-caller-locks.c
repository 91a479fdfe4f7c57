/* An exported helper documented as "called with mmap_lock held" has no caller in this file: nothing is known, nothing reported. */
#include <linux/mm.h>
#include <linux/export.h>

/**
 * fpga_region_pin_locked_range - pin user pages of a DMA region
 * Context: the caller holds mmap_read_lock(current->mm).
 */
long fpga_region_pin_range(unsigned long start, unsigned long npages, struct page **pages)
{
	long pinned = pin_user_pages(start, npages, FOLL_WRITE | FOLL_LONGTERM, pages, NULL);

	if (pinned < 0)
		return pinned;
	if (pinned != npages) {
		unpin_user_pages(pages, pinned);
		return -EFAULT;
	}
	return pinned;
}
EXPORT_SYMBOL_GPL(fpga_region_pin_range);
