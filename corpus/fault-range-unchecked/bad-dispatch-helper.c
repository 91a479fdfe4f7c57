/* fault-range-unchecked: the fault entry picks a tiled or linear helper by buffer flags; the linear helper indexes the page table with the address offset and nobody bounds it. */
#include <linux/fs.h>
#include <linux/mm.h>

#define TBUF_TILED	0x1

struct tbuf {
	struct page **pages;
	unsigned long npages;
	unsigned int flags;
	struct mutex lock;
};

static vm_fault_t tbuf_fault_tiled(struct tbuf *tb, struct vm_area_struct *vma, struct vm_fault *vmf)
{
	return VM_FAULT_SIGBUS;		/* not supported on this SoC */
}

static vm_fault_t tbuf_fault_linear(struct tbuf *tb, struct vm_area_struct *vma, struct vm_fault *vmf)
{
	unsigned long pfn;
	pgoff_t pgoff;

	pgoff = (vmf->address - vma->vm_start) >> PAGE_SHIFT;
	pfn = page_to_pfn(tb->pages[pgoff]);	/* expect-warning fault-range-unchecked */
	return vmf_insert_mixed(vma, vmf->address, __pfn_to_pfn_t(pfn, PFN_DEV));
}

static vm_fault_t tbuf_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct tbuf *tb = vma->vm_private_data;
	vm_fault_t ret;

	mutex_lock(&tb->lock);
	if (tb->flags & TBUF_TILED)
		ret = tbuf_fault_tiled(tb, vma, vmf);
	else
		ret = tbuf_fault_linear(tb, vma, vmf);
	mutex_unlock(&tb->lock);
	return ret;
}

static const struct vm_operations_struct tbuf_vm_ops = {
	.fault = tbuf_fault,
};

static int tbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct tbuf *tb = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	vm_flags_set(vma, VM_MIXEDMAP);
	vma->vm_private_data = tb;
	vma->vm_ops = &tbuf_vm_ops;
	return 0;
}
