/* Fault handler passing an explicit uncached pgprot to vmf_insert_pfn_prot(); the mmap leaves vm_page_prot alone. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

struct accel_ctx {
	struct pci_dev *pdev;
	phys_addr_t csr_phys;
	unsigned long csr_pages;
};

static vm_fault_t accel_csr_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct accel_ctx *ac = vma->vm_private_data;
	pgprot_t prot = pgprot_noncached(vma->vm_page_prot);

	if (vmf->pgoff >= ac->csr_pages)
		return VM_FAULT_SIGBUS;
	return vmf_insert_pfn_prot(vma, vmf->address, PHYS_PFN(ac->csr_phys) + vmf->pgoff, prot);
}

static const struct vm_operations_struct accel_csr_vm_ops = {
	.fault = accel_csr_fault,
};

static int accel_csr_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct accel_ctx *ac = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff || vma_pages(vma) > ac->csr_pages)
		return -EINVAL;
	vma->vm_flags |= VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP;
	vma->vm_ops = &accel_csr_vm_ops;
	vma->vm_private_data = ac;
	return 0;
}

static const struct file_operations accel_fops = {
	.owner = THIS_MODULE,
	.mmap = accel_csr_mmap,
};

static int accel_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct accel_ctx *ac = devm_kzalloc(&pdev->dev, sizeof(*ac), GFP_KERNEL);

	if (!ac)
		return -ENOMEM;
	ac->pdev = pdev;
	ac->csr_phys = pci_resource_start(pdev, 0);
	ac->csr_pages = pci_resource_len(pdev, 0) >> PAGE_SHIFT;
	return 0;
}
