/* vduse shape: the short-pin path sets ret and jumps to a label whose unpin is guarded by "ret && pinned > 0". */
#include <linux/mm.h>
#include <linux/vmalloc.h>

struct umem {
	struct page **pages;
	unsigned long npages;
	u64 iova;
};

static int reg_umem(struct umem **out, u64 iova, u64 uaddr, u64 size)
{
	struct page **page_list = NULL;
	struct umem *umem = NULL;
	unsigned long npages = size >> PAGE_SHIFT;
	long pinned = 0;
	int ret = -ENOMEM;

	page_list = __vmalloc(array_size(npages, sizeof(struct page *)), GFP_KERNEL_ACCOUNT);
	umem = kzalloc(sizeof(*umem), GFP_KERNEL);
	if (!page_list || !umem)
		goto unlock;

	mmap_read_lock(current->mm);
	pinned = pin_user_pages(uaddr, npages, FOLL_LONGTERM | FOLL_WRITE, page_list, NULL);
	if (pinned != npages) {
		ret = pinned < 0 ? pinned : -ENOMEM;
		goto out;
	}
	umem->pages = page_list;
	umem->npages = pinned;
	umem->iova = iova;
	*out = umem;
	ret = 0;
out:
	if (ret && pinned > 0)
		unpin_user_pages(page_list, pinned);
	mmap_read_unlock(current->mm);
unlock:
	if (ret) {
		vfree(page_list);
		kfree(umem);
	}
	return ret;
}
