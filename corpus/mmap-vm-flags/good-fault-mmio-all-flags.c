/* FAULT-03 GOOD shape: the mmap sets VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP for a fault-populated BAR. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

struct xxx_dev {
	struct pci_dev *pdev;
	phys_addr_t phys;
	unsigned long npages;
};

static vm_fault_t xxx_fault(struct vm_fault *vmf)
{
	struct xxx_dev *d = vmf->vma->vm_private_data;

	if (vmf->pgoff >= d->npages)
		return VM_FAULT_SIGBUS;
	return vmf_insert_pfn(vmf->vma, vmf->address, PHYS_PFN(d->phys) + vmf->pgoff);
}

static const struct vm_operations_struct xxx_vm_ops = {
	.fault = xxx_fault,
};

static int xxx_mmap(struct file *f, struct vm_area_struct *vma)
{
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	vma->vm_flags |= VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vma->vm_ops = &xxx_vm_ops;
	vma->vm_private_data = f->private_data;
	return 0;
}

static const struct file_operations xxx_fops = {
	.owner = THIS_MODULE,
	.mmap = xxx_mmap,
};

static int xxx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct xxx_dev *d = devm_kzalloc(&pdev->dev, sizeof(*d), GFP_KERNEL);

	if (!d)
		return -ENOMEM;
	d->pdev = pdev;
	d->phys = pci_resource_start(pdev, 0);
	d->npages = pci_resource_len(pdev, 0) >> PAGE_SHIFT;
	pci_set_drvdata(pdev, d);
	return 0;
}
