/* mmap-user-controlled-pfn (bad): a fault handler inserts the page frame named by the fault's file offset, which is the user's mmap offset plus the page index: a /dev/mem through page faults. */
#include <linux/fs.h>
#include <linux/mm.h>

static vm_fault_t rawmem_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;

	/* expect-warning@+1 mmap-user-controlled-pfn */ /* expect-warning@+1 fault-range-unchecked */
	return vmf_insert_pfn(vma, vmf->address, vmf->pgoff);
}

static const struct vm_operations_struct rawmem_vm_ops = {
	.fault = rawmem_fault,
};

static int rawmem_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	vm_flags_set(vma, VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vma->vm_ops = &rawmem_vm_ops;
	return 0;
}

static const struct file_operations rawmem_fops = {
	.owner = THIS_MODULE,
	.mmap = rawmem_mmap,
};
