/* fault-page-refcount: an MMIO doorbell window is populated with vmf_insert_pfn(): no struct page goes through vmf->page, so there is no reference to take. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

struct db_ctx {
	phys_addr_t db_phys;
	unsigned long db_pages;
	bool active;
};

static vm_fault_t db_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct db_ctx *ctx = vma->vm_private_data;

	if (!ctx->active)
		return VM_FAULT_SIGBUS;
	if (vmf->pgoff >= ctx->db_pages)
		return VM_FAULT_SIGBUS;

	return vmf_insert_pfn(vma, vmf->address, PHYS_PFN(ctx->db_phys) + vmf->pgoff);
}

static const struct vm_operations_struct db_vm_ops = {
	.fault = db_fault,
};

static int db_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct db_ctx *ctx = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff + vma_pages(vma) > ctx->db_pages)
		return -EINVAL;

	vm_flags_set(vma, VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vma->vm_private_data = ctx;
	vma->vm_ops = &db_vm_ops;
	return 0;
}
