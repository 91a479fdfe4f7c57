/* Doorbell page fault handler: the vm_fault_t of vmf_insert_pfn() is thrown away and NOPAGE returned anyway. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

struct dbell_ctx {
	struct pci_dev *pdev;
	phys_addr_t db_phys;
	unsigned long db_pages;
};

static vm_fault_t dbell_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct dbell_ctx *ctx = vma->vm_private_data;
	unsigned long pfn;

	if (vmf->pgoff >= ctx->db_pages)
		return VM_FAULT_SIGBUS;

	pfn = PHYS_PFN(ctx->db_phys) + vmf->pgoff;
	vmf_insert_pfn(vma, vmf->address, pfn); /* expect-warning mmap-retval-ignored */
	return VM_FAULT_NOPAGE;
}

static const struct vm_operations_struct dbell_vm_ops = {
	.fault = dbell_fault,
};

static int dbell_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct dbell_ctx *ctx = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff || vma_pages(vma) > ctx->db_pages)
		return -EINVAL;

	vma->vm_flags |= VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vma->vm_ops = &dbell_vm_ops;
	vma->vm_private_data = ctx;
	return 0;
}

static const struct file_operations dbell_fops = {
	.owner = THIS_MODULE,
	.mmap = dbell_mmap,
};

static int dbell_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct dbell_ctx *ctx = devm_kzalloc(&pdev->dev, sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return -ENOMEM;
	ctx->pdev = pdev;
	ctx->db_phys = pci_resource_start(pdev, 2);
	ctx->db_pages = pci_resource_len(pdev, 2) >> PAGE_SHIFT;
	pci_set_drvdata(pdev, ctx);
	return 0;
}
