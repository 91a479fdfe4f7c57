/* fault-range-unchecked: the fault handler itself does not test pgoff, but mmap bounds the VMA against the table and sets VM_DONTEXPAND, so mremap() cannot grow it (MMAP-13's alternative). */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/spinlock.h>

struct vdata {
	int count;
	spinlock_t lock;
	unsigned long vm_start;
	unsigned long maddr[];
};

static vm_fault_t uc_fault(struct vm_fault *vmf)
{
	struct vdata *vd = vmf->vma->vm_private_data;
	pgoff_t index = vmf->pgoff;
	unsigned long maddr;

	maddr = READ_ONCE(vd->maddr[index]);
	if (!maddr)
		return VM_FAULT_SIGBUS;

	return vmf_insert_pfn(vmf->vma, vmf->address, maddr >> PAGE_SHIFT);
}

static const struct vm_operations_struct uc_vm_ops = {
	.fault = uc_fault,
};

static int uc_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct vdata *vd = file->private_data;
	unsigned long pages;

	if (vma->vm_pgoff != 0)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	pages = vma_pages(vma);
	if (pages > vd->count)
		return -EINVAL;

	vm_flags_set(vma, VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vma->vm_private_data = vd;
	vma->vm_ops = &uc_vm_ops;
	return 0;
}
