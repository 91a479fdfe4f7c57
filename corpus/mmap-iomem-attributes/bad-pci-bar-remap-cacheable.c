/* PCI data-acquisition card: BAR 0 (saved in probe) is mapped with remap_pfn_range() and the default, cacheable vm_page_prot. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/cdev.h>

struct daq_card {
	struct pci_dev *pdev;
	struct cdev cdev;
	resource_size_t bar_phys;
	resource_size_t bar_len;
};

static int daq_open(struct inode *inode, struct file *filp)
{
	filp->private_data = container_of(inode->i_cdev, struct daq_card, cdev);
	return 0;
}

static int daq_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct daq_card *card = filp->private_data;
	unsigned long npages = card->bar_len >> PAGE_SHIFT;
	unsigned long pfn;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff >= npages || vma_pages(vma) > npages - vma->vm_pgoff)
		return -EINVAL;

	pfn = (card->bar_phys >> PAGE_SHIFT) + vma->vm_pgoff;
	return remap_pfn_range(vma, vma->vm_start, pfn, /* expect-warning mmap-iomem-attributes */
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static const struct file_operations daq_fops = {
	.owner = THIS_MODULE,
	.open = daq_open,
	.mmap = daq_mmap,
};

static int daq_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct daq_card *card;
	int ret;

	card = devm_kzalloc(&pdev->dev, sizeof(*card), GFP_KERNEL);
	if (!card)
		return -ENOMEM;
	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ret = pci_request_regions(pdev, "daq");
	if (ret)
		return ret;
	card->pdev = pdev;
	card->bar_phys = pci_resource_start(pdev, 0);
	card->bar_len = pci_resource_len(pdev, 0);
	cdev_init(&card->cdev, &daq_fops);
	pci_set_drvdata(pdev, card);
	return 0;
}

static struct pci_driver daq_driver = {
	.name = "daq",
	.probe = daq_probe,
};
