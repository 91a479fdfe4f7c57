/* OpenCAPI-style PSN window: the mmap sets VM_IO | VM_PFNMAP; VM_IO alone keeps the registers out of core dumps and GUP. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

struct psn_ctx {
	struct pci_dev *pdev;
	phys_addr_t psn_phys;
	u64 psn_size;
};

static vm_fault_t psn_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct psn_ctx *ctx = vma->vm_file->private_data;
	phys_addr_t mmio_area;
	u64 offset;

	offset = vmf->pgoff << PAGE_SHIFT;
	if (offset >= ctx->psn_size)
		return VM_FAULT_SIGBUS;
	mmio_area = ctx->psn_phys;
	mmio_area += offset;
	return vmf_insert_pfn(vma, vmf->address, mmio_area >> PAGE_SHIFT);
}

static const struct vm_operations_struct psn_vmops = {
	.fault = psn_fault,
};

static int psn_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct psn_ctx *ctx = file->private_data;

	if ((vma_pages(vma) + vma->vm_pgoff) > (ctx->psn_size >> PAGE_SHIFT))
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	vma->vm_flags |= VM_IO | VM_PFNMAP;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vma->vm_ops = &psn_vmops;
	return 0;
}

static const struct file_operations psn_fops = {
	.owner = THIS_MODULE,
	.mmap = psn_mmap,
};

static int psn_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct psn_ctx *ctx = devm_kzalloc(&pdev->dev, sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return -ENOMEM;
	ctx->pdev = pdev;
	ctx->psn_phys = pci_resource_start(pdev, 2) + 0x10000;
	ctx->psn_size = SZ_64K;
	return 0;
}
