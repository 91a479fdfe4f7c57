/* fault-range-unchecked: S3 code 11.9 ported to vmf_insert_pfn(): the PFN is the BAR base plus the user's page offset, never compared with the BAR size. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

struct xxx_dev {
	struct pci_dev *pdev;
	phys_addr_t phys;
	resource_size_t size;
};

static vm_fault_t xxx_fault(struct vm_fault *vmf)
{
	struct xxx_dev *d = vmf->vma->vm_private_data;
	unsigned long pfn = PHYS_PFN(d->phys) + vmf->pgoff;

	return vmf_insert_pfn(vmf->vma, vmf->address, pfn);	/* expect-warning fault-range-unchecked */
}

static const struct vm_operations_struct xxx_vm_ops = {
	.fault = xxx_fault,
};

static int xxx_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct xxx_dev *d = filp->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	vm_flags_set(vma, VM_IO | VM_PFNMAP | VM_DONTDUMP);
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vma->vm_ops = &xxx_vm_ops;
	vma->vm_private_data = d;
	return 0;
}

static int xxx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct xxx_dev *d;
	int ret;

	d = devm_kzalloc(&pdev->dev, sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	d->pdev = pdev;
	d->phys = pci_resource_start(pdev, 2);
	d->size = pci_resource_len(pdev, 2);
	pci_set_drvdata(pdev, d);
	return 0;
}
