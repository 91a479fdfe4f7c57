/* The catalogue's GOOD shape: pgprot_noncached() on vm_page_prot, then vm_iomap_memory() of the BAR. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/miscdevice.h>

struct regwin {
	struct miscdevice misc;
	struct pci_dev *pdev;
	phys_addr_t region_start;
	size_t region_size;
};

static int regwin_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct regwin *d = container_of(filp->private_data, struct regwin, misc);

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return vm_iomap_memory(vma, d->region_start, d->region_size);  /* bounds-checks pgoff+len */
}

static const struct file_operations regwin_fops = {
	.owner = THIS_MODULE,
	.mmap = regwin_mmap,
};

static int regwin_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct regwin *d;
	int ret;

	d = devm_kzalloc(&pdev->dev, sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	d->pdev = pdev;
	d->region_start = pci_resource_start(pdev, 1);
	d->region_size = pci_resource_len(pdev, 1);
	d->misc.minor = MISC_DYNAMIC_MINOR;
	d->misc.name = "regwin";
	d->misc.fops = &regwin_fops;
	pci_set_drvdata(pdev, d);
	return misc_register(&d->misc);
}
