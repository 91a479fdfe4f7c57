/* The short-pin test jumps to a label below the unpin: the ladder frees the array but keeps the pins. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>

struct gpu_userptr {
	unsigned long ptr;
	unsigned long size;
	struct page **pvec;
	void *vaddr;
};

static int userptr_get_pages(struct gpu_userptr *up)
{
	const unsigned long num_pages = up->size >> PAGE_SHIFT;
	struct page **pvec;
	long pinned;
	int ret;

	pvec = kvmalloc_array(num_pages, sizeof(struct page *), GFP_KERNEL);
	if (!pvec)
		return -ENOMEM;

	pinned = pin_user_pages_fast(up->ptr, num_pages, FOLL_WRITE | FOLL_LONGTERM, pvec);
	if (pinned < 0) {
		ret = pinned;
		goto err_free;
	}
	if (pinned < num_pages) { /* expect-warning gup-return-partial */
		ret = -EFAULT;
		goto err_free;
	}

	up->vaddr = vmap(pvec, num_pages, VM_MAP, PAGE_KERNEL);
	if (!up->vaddr) {
		ret = -ENOMEM;
		goto err_unpin;
	}
	up->pvec = pvec;
	return 0;

err_unpin:
	unpin_user_pages(pvec, pinned);
err_free:
	kvfree(pvec);
	return ret;
}
