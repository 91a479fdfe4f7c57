/* The single status page is marked dirty after its reference was dropped. */
#include <linux/mm.h>
#include <linux/highmem.h>

static int hsm_write_status(unsigned long uaddr, u32 status)
{
	struct page *page;
	u32 *va;
	int ret;

	ret = get_user_pages_fast(uaddr, 1, FOLL_WRITE, &page);
	if (ret != 1)
		return ret < 0 ? ret : -EFAULT;
	va = kmap_local_page(page);
	va[offset_in_page(uaddr) / sizeof(u32)] = status;
	kunmap_local(va);
	put_page(page);
	set_page_dirty_lock(page); /* expect-warning gup-dirty-and-release */
	return 0;
}
