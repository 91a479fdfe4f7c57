/* fault-range-unchecked: a wrap-around ("magic") ring maps its pages repeatedly so that readers never see the wrap; the page index is reduced modulo the ring size before use. */
#include <linux/fs.h>
#include <linux/mm.h>

struct wring {
	struct page **pages;
	unsigned long nr_pages;
	spinlock_t lock;
};

static vm_fault_t wring_fault(struct vm_fault *vmf)
{
	struct wring *rb = vmf->vma->vm_private_data;
	unsigned long idx;
	struct page *page;

	idx = vmf->pgoff - vmf->vma->vm_pgoff;
	idx %= rb->nr_pages;

	page = rb->pages[idx];
	get_page(page);
	vmf->page = page;
	return 0;
}

static const struct vm_operations_struct wring_vm_ops = {
	.fault = wring_fault,
};

static int wring_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct wring *rb = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	vm_flags_clear(vma, VM_MAYWRITE);
	vma->vm_private_data = rb;
	vma->vm_ops = &wring_vm_ops;
	return 0;
}
