/* The mmap maps the first page with io_remap_pfn_range() (which sets VM_IO/VM_DONTDUMP) and faults in the rest. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

struct hw_queue {
	struct pci_dev *pdev;
	phys_addr_t bar;
	unsigned long npages;
};

static vm_fault_t hwq_fault(struct vm_fault *vmf)
{
	struct hw_queue *q = vmf->vma->vm_private_data;

	if (vmf->pgoff >= q->npages)
		return VM_FAULT_SIGBUS;
	return vmf_insert_pfn(vmf->vma, vmf->address, PHYS_PFN(q->bar) + vmf->pgoff);
}

static const struct vm_operations_struct hwq_vm_ops = {
	.fault = hwq_fault,
};

static int hwq_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct hw_queue *q = file->private_data;
	int ret;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff || vma_pages(vma) > q->npages)
		return -EINVAL;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	ret = io_remap_pfn_range(vma, vma->vm_start, PHYS_PFN(q->bar), PAGE_SIZE, vma->vm_page_prot);
	if (ret)
		return ret;
	vma->vm_ops = &hwq_vm_ops;
	vma->vm_private_data = q;
	return 0;
}

static const struct file_operations hwq_fops = {
	.owner = THIS_MODULE,
	.mmap = hwq_mmap,
};

static int hwq_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct hw_queue *q = devm_kzalloc(&pdev->dev, sizeof(*q), GFP_KERNEL);

	if (!q)
		return -ENOMEM;
	q->pdev = pdev;
	q->bar = pci_resource_start(pdev, 0);
	q->npages = pci_resource_len(pdev, 0) >> PAGE_SHIFT;
	return 0;
}
