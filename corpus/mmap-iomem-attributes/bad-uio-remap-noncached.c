/* UIO driver with its own mmap: uncached, but remap_pfn_range() instead of io_remap_pfn_range() for the BAR. */
#include <linux/uio_driver.h>
#include <linux/pci.h>
#include <linux/mm.h>

struct hilscher_like {
	struct uio_info info;
	struct pci_dev *pdev;
};

static int hl_uio_mmap(struct uio_info *info, struct vm_area_struct *vma)
{
	struct hilscher_like *hl = info->priv;
	unsigned long len = pci_resource_len(hl->pdev, 0);

	if (vma->vm_pgoff || vma->vm_end - vma->vm_start > len)
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return remap_pfn_range(vma, vma->vm_start, /* expect-warning mmap-iomem-attributes */
			       pci_resource_start(hl->pdev, 0) >> PAGE_SHIFT,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int hl_uio_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct hilscher_like *hl;
	int ret;

	hl = devm_kzalloc(&pdev->dev, sizeof(*hl), GFP_KERNEL);
	if (!hl)
		return -ENOMEM;
	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	hl->pdev = pdev;
	hl->info.name = "hl-uio";
	hl->info.version = "0.1";
	hl->info.priv = hl;
	hl->info.mmap = hl_uio_mmap;
	hl->info.irq = pdev->irq;
	return devm_uio_register_device(&pdev->dev, &hl->info);
}

static struct pci_driver hl_uio_driver = {
	.name = "hl-uio",
	.probe = hl_uio_probe,
};
