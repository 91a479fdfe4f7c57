/* A fault handler for RAM pages (vmf_insert_page of its own pages): VM_IO is not wanted there. */
#include <linux/fs.h>
#include <linux/mm.h>

struct sbuf {
	struct page **pages;
	unsigned long npages;
};

static vm_fault_t sbuf_fault(struct vm_fault *vmf)
{
	struct sbuf *sb = vmf->vma->vm_private_data;

	if (vmf->pgoff >= sb->npages)
		return VM_FAULT_SIGBUS;
	return vmf_insert_page(vmf->vma, vmf->address, sb->pages[vmf->pgoff]);
}

static const struct vm_operations_struct sbuf_vm_ops = {
	.fault = sbuf_fault,
};

static int sbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct sbuf *sb = file->private_data;

	if (vma->vm_pgoff || vma_pages(vma) > sb->npages)
		return -EINVAL;
	vma->vm_flags |= VM_DONTEXPAND | VM_DONTDUMP;
	vma->vm_ops = &sbuf_vm_ops;
	vma->vm_private_data = sb;
	return 0;
}

static const struct file_operations sbuf_fops = {
	.owner = THIS_MODULE,
	.mmap = sbuf_mmap,
};
