/* fault-page-refcount: a capture driver keeps an array of order-0 pages and hands pages[pgoff] to the core without get_page(); munmap drops the driver's only reference. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/platform_device.h>

struct cap_buf {
	struct page **pages;
	unsigned int npages;
	struct kref ref;
};

struct cap_dev {
	struct device *dev;
	struct cap_buf *buf;
};

static void cap_buf_release(struct kref *ref);

static vm_fault_t cap_buf_fault(struct vm_fault *vmf)
{
	struct cap_buf *b = vmf->vma->vm_private_data;

	if (vmf->pgoff >= b->npages)
		return VM_FAULT_SIGBUS;

	vmf->page = b->pages[vmf->pgoff];	/* expect-warning fault-page-refcount */
	return 0;
}

static void cap_buf_vm_open(struct vm_area_struct *vma)
{
	struct cap_buf *b = vma->vm_private_data;

	kref_get(&b->ref);
}

static void cap_buf_vm_close(struct vm_area_struct *vma)
{
	struct cap_buf *b = vma->vm_private_data;

	kref_put(&b->ref, cap_buf_release);
}

static const struct vm_operations_struct cap_buf_vm_ops = {
	.open = cap_buf_vm_open,
	.close = cap_buf_vm_close,
	.fault = cap_buf_fault,
};

static int cap_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct cap_dev *cd = file->private_data;
	struct cap_buf *b = cd->buf;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma_pages(vma) > b->npages || vma->vm_pgoff > b->npages - vma_pages(vma))
		return -EINVAL;

	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_private_data = b;
	vma->vm_ops = &cap_buf_vm_ops;
	cap_buf_vm_open(vma);
	return 0;
}
