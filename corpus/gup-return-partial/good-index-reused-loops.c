/* fsl_hypervisor/acrn shape: the index i runs over the requested pages in one loop and over the pinned ones in the release loop. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct fh_sg_list {
	u64 source;
	u64 target;
	u64 size;
};

static long ioctl_memcpy(unsigned long local_vaddr, u64 remote_paddr, u64 count, int to_remote)
{
	unsigned int num_pages, i;
	struct page **pages = NULL;
	struct fh_sg_list *sg_list = NULL;
	unsigned long lb_offset = local_vaddr & (PAGE_SIZE - 1);
	int num_pinned = 0;
	long ret = 0;

	num_pages = (count + lb_offset + PAGE_SIZE - 1) >> PAGE_SHIFT;
	pages = kcalloc(num_pages, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	sg_list = kcalloc(num_pages, sizeof(*sg_list), GFP_KERNEL);
	if (!sg_list) {
		ret = -ENOMEM;
		goto free_pages;
	}

	num_pinned = get_user_pages_fast(local_vaddr - lb_offset, num_pages,
					 to_remote ? 0 : FOLL_WRITE, pages);
	if (num_pinned != num_pages) {
		ret = (num_pinned < 0) ? num_pinned : -EFAULT;
		goto exit;
	}

	for (i = 0; i < num_pages; i++) {
		sg_list[i].source = to_remote ? page_to_phys(pages[i]) : remote_paddr;
		sg_list[i].target = to_remote ? remote_paddr : page_to_phys(pages[i]);
		sg_list[i].size = min_t(u64, count, PAGE_SIZE);
		remote_paddr += sg_list[i].size;
		count -= sg_list[i].size;
	}

exit:
	if (pages && (num_pinned > 0)) {
		for (i = 0; i < num_pinned; i++)
			put_page(pages[i]);
	}
	kfree(sg_list);
free_pages:
	kfree(pages);
	return ret;
}
