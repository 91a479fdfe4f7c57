/* fault-page-refcount: a status page plus a data ring; the data path takes a reference, the shared status page path forgets to. */
#include <linux/fs.h>
#include <linux/mm.h>

#define STS_PGOFF	0

struct acq_ctx {
	struct page *status_page;
	struct page **ring;
	unsigned long ring_pages;
	spinlock_t lock;
};

static vm_fault_t acq_vm_fault(struct vm_fault *vmf)
{
	struct acq_ctx *ctx = vmf->vma->vm_private_data;
	struct page *page;
	unsigned long idx;

	if (vmf->pgoff == STS_PGOFF) {
		page = ctx->status_page;
	} else {
		idx = vmf->pgoff - 1;
		if (idx >= ctx->ring_pages)
			return VM_FAULT_SIGBUS;
		page = ctx->ring[idx];
		get_page(page);
	}

	vmf->page = page;	/* expect-warning fault-page-refcount */
	return 0;
}

static const struct vm_operations_struct acq_vm_ops = {
	.fault = acq_vm_fault,
};

static int acq_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct acq_ctx *ctx = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff + vma_pages(vma) > ctx->ring_pages + 1)
		return -EINVAL;
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_private_data = ctx;
	vma->vm_ops = &acq_vm_ops;
	return 0;
}
