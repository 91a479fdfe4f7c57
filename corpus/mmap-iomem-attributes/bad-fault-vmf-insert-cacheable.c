/* NPU doorbells populated on fault: the mmap sets the PFNMAP flags but leaves vm_page_prot cacheable. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

struct npu_dev {
	struct pci_dev *pdev;
	phys_addr_t db_base;
	unsigned long db_pages;
};

static vm_fault_t npu_db_fault(struct vm_fault *vmf)
{
	struct npu_dev *npu = vmf->vma->vm_private_data;

	if (vmf->pgoff >= npu->db_pages)
		return VM_FAULT_SIGBUS;
	return vmf_insert_pfn(vmf->vma, vmf->address, /* expect-warning mmap-iomem-attributes */
			      PHYS_PFN(npu->db_base) + vmf->pgoff);
}

static const struct vm_operations_struct npu_db_vm_ops = {
	.fault = npu_db_fault,
};

static int npu_db_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct npu_dev *npu = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff || vma_pages(vma) > npu->db_pages)
		return -EINVAL;
	vma->vm_flags |= VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP;
	vma->vm_ops = &npu_db_vm_ops;
	vma->vm_private_data = npu;
	return 0;
}

static const struct file_operations npu_fops = {
	.owner = THIS_MODULE,
	.mmap = npu_db_mmap,
};

static int npu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct npu_dev *npu = devm_kzalloc(&pdev->dev, sizeof(*npu), GFP_KERNEL);

	if (!npu)
		return -ENOMEM;
	npu->pdev = pdev;
	npu->db_base = pci_resource_start(pdev, 4);
	npu->db_pages = pci_resource_len(pdev, 4) >> PAGE_SHIFT;
	pci_set_drvdata(pdev, npu);
	return 0;
}
