/* PCI character device: the BAR is mapped with io_remap_pfn_range(), whose result is dropped before "return 0" (LDD3 style). */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/miscdevice.h>

struct acq_dev {
	struct pci_dev *pdev;
	struct miscdevice misc;
	resource_size_t regs_phys;
	resource_size_t regs_len;
	void __iomem *regs;
};

static int acq_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct acq_dev *ad = container_of(filp->private_data, struct acq_dev, misc);
	unsigned long npages = ad->regs_len >> PAGE_SHIFT;
	unsigned long len = vma->vm_end - vma->vm_start;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff >= npages || vma_pages(vma) > npages - vma->vm_pgoff)
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	io_remap_pfn_range(vma, vma->vm_start, /* expect-warning mmap-retval-ignored */
			   (ad->regs_phys >> PAGE_SHIFT) + vma->vm_pgoff,
			   len, vma->vm_page_prot);
	return 0;
}

static const struct file_operations acq_fops = {
	.owner = THIS_MODULE,
	.mmap = acq_mmap,
};

static int acq_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct acq_dev *ad;
	int ret;

	ad = devm_kzalloc(&pdev->dev, sizeof(*ad), GFP_KERNEL);
	if (!ad)
		return -ENOMEM;
	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ad->pdev = pdev;
	ad->regs_phys = pci_resource_start(pdev, 0);
	ad->regs_len = pci_resource_len(pdev, 0);
	ad->regs = devm_ioremap(&pdev->dev, ad->regs_phys, ad->regs_len);
	if (!ad->regs)
		return -ENOMEM;
	ad->misc.minor = MISC_DYNAMIC_MINOR;
	ad->misc.name = "acq";
	ad->misc.fops = &acq_fops;
	pci_set_drvdata(pdev, ad);
	return misc_register(&ad->misc);
}

static struct pci_driver acq_driver = {
	.name = "acq",
	.probe = acq_probe,
};
