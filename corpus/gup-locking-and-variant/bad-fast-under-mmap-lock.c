/* Frame grabber: pin_user_pages_fast() called with mmap_read_lock() already held (it may take mmap_lock itself). */
#include <linux/mm.h>
#include <linux/sched/mm.h>
#include <linux/videodev2.h>

struct fg_buf {
	unsigned long uaddr;
	size_t size;
	struct page **pages;
	unsigned int npages;
	struct sg_table sgt;
};

struct fg_dev {
	struct device *dev;
	void __iomem *mmio;
};

static int fg_pin_user_buffer(struct fg_dev *fg, struct fg_buf *buf)
{
	struct vm_area_struct *vma;
	int n, ret;

	buf->npages = DIV_ROUND_UP(offset_in_page(buf->uaddr) + buf->size, PAGE_SIZE);
	buf->pages = kcalloc(buf->npages, sizeof(*buf->pages), GFP_KERNEL);
	if (!buf->pages)
		return -ENOMEM;

	mmap_read_lock(current->mm);
	vma = find_vma(current->mm, buf->uaddr);
	if (!vma || (vma->vm_flags & (VM_IO | VM_PFNMAP))) {
		mmap_read_unlock(current->mm);
		ret = -EINVAL;
		goto err_free;
	}
	n = pin_user_pages_fast(buf->uaddr & PAGE_MASK, buf->npages, /* expect-warning gup-locking-and-variant */
				FOLL_WRITE | FOLL_LONGTERM, buf->pages);
	mmap_read_unlock(current->mm);
	if (n < 0) {
		ret = n;
		goto err_free;
	}
	if (n != buf->npages) {
		unpin_user_pages(buf->pages, n);
		ret = -EFAULT;
		goto err_free;
	}
	return 0;

err_free:
	kfree(buf->pages);
	buf->pages = NULL;
	return ret;
}

static void fg_unpin_user_buffer(struct fg_buf *buf)
{
	unpin_user_pages_dirty_lock(buf->pages, buf->npages, true);
	kfree(buf->pages);
	buf->pages = NULL;
}
