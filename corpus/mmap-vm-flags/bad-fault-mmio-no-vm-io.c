/* Doorbell pages inserted on fault: the mmap sets VM_PFNMAP only, so core dumps and ptrace read the registers. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

struct qdma_dev {
	struct pci_dev *pdev;
	phys_addr_t db_phys;
	unsigned long db_pages;
};

static vm_fault_t qdma_db_fault(struct vm_fault *vmf)
{
	struct qdma_dev *qd = vmf->vma->vm_private_data;

	if (vmf->pgoff >= qd->db_pages)
		return VM_FAULT_SIGBUS;
	return vmf_insert_pfn(vmf->vma, vmf->address, PHYS_PFN(qd->db_phys) + vmf->pgoff);
}

static const struct vm_operations_struct qdma_db_vm_ops = {
	.fault = qdma_db_fault,
};

static int qdma_db_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct qdma_dev *qd = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff || vma_pages(vma) > qd->db_pages)
		return -EINVAL;
	vma->vm_flags |= VM_PFNMAP | VM_DONTEXPAND;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vma->vm_ops = &qdma_db_vm_ops; /* expect-warning mmap-vm-flags */
	vma->vm_private_data = qd;
	return 0;
}

static const struct file_operations qdma_fops = {
	.owner = THIS_MODULE,
	.mmap = qdma_db_mmap,
};

static int qdma_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct qdma_dev *qd = devm_kzalloc(&pdev->dev, sizeof(*qd), GFP_KERNEL);

	if (!qd)
		return -ENOMEM;
	qd->pdev = pdev;
	qd->db_phys = pci_resource_start(pdev, 2);
	qd->db_pages = pci_resource_len(pdev, 2) >> PAGE_SHIFT;
	pci_set_drvdata(pdev, qd);
	return 0;
}
