/* mmap-pfn-unit-confusion (good): the offset is turned into bytes (vm_pgoff << PAGE_SHIFT), added to the byte address, and the sum is shifted back: both sides are bytes. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

#define APER_BAR	1

struct aper_dev {
	struct pci_dev *pdev;
};

static int aper_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct aper_dev *ad = file->private_data;
	resource_size_t start = pci_resource_start(ad->pdev, APER_BAR);
	resource_size_t len = pci_resource_len(ad->pdev, APER_BAR);
	unsigned long off = vma->vm_pgoff << PAGE_SHIFT;
	unsigned long size = vma->vm_end - vma->vm_start;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (off >= len || size > len - off)
		return -EINVAL;

	vma->vm_page_prot = pgprot_writecombine(vma->vm_page_prot);
	return io_remap_pfn_range(vma, vma->vm_start, (start + off) >> PAGE_SHIFT, size,
				  vma->vm_page_prot);
}

static const struct file_operations aper_fops = {
	.owner = THIS_MODULE,
	.mmap = aper_mmap,
};
