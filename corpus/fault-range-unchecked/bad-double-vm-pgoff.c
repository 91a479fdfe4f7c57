/* fault-range-unchecked: the handler bounds vmf->pgoff, then adds vma->vm_pgoff again (vmf->pgoff already includes it), so a mapping at a non-zero offset reaches past the region. */
#include <linux/fs.h>
#include <linux/mm.h>

struct gru_like {
	unsigned long base_pfn;
	unsigned long npages;
};

static vm_fault_t win_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct gru_like *w = vma->vm_private_data;

	if (vmf->pgoff >= w->npages)
		return VM_FAULT_SIGBUS;

	return vmf_insert_pfn(vma, vmf->address, w->base_pfn + vmf->pgoff + vma->vm_pgoff);	/* expect-warning fault-range-unchecked */
}

static const struct vm_operations_struct win_vm_ops = {
	.fault = win_fault,
};

static int win_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct gru_like *w = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff + vma_pages(vma) > w->npages)
		return -EINVAL;
	vm_flags_set(vma, VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_ops = &win_vm_ops;
	vma->vm_private_data = w;
	return 0;
}
