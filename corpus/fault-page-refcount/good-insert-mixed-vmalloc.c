/* fault-page-refcount: a VM_MIXEDMAP export of a vmalloc'ed table uses vmf_insert_mixed() with the page's PFN; the core takes what it needs, vmf->page is never set. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pfn_t.h>
#include <linux/vmalloc.h>

struct tbl_dev {
	void *table;
	unsigned long tbl_pages;
};

static vm_fault_t tbl_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct tbl_dev *td = vma->vm_private_data;
	unsigned long pfn;

	if (vmf->pgoff >= td->tbl_pages)
		return VM_FAULT_SIGBUS;

	pfn = vmalloc_to_pfn(td->table + (vmf->pgoff << PAGE_SHIFT));
	return vmf_insert_mixed(vma, vmf->address, __pfn_to_pfn_t(pfn, PFN_DEV));
}

static const struct vm_operations_struct tbl_vm_ops = {
	.fault = tbl_fault,
};

static int tbl_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct tbl_dev *td = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	vm_flags_set(vma, VM_MIXEDMAP | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_private_data = td;
	vma->vm_ops = &tbl_vm_ops;
	return 0;
}
