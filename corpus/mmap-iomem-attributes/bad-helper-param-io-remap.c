/* The mmap handler passes a BAR address to a helper that maps it without touching vm_page_prot. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

struct ntb_like {
	struct pci_dev *pdev;
	int mw_bar;
};

static int ntb_map_window(struct vm_area_struct *vma, phys_addr_t base, resource_size_t len)
{
	unsigned long npages = len >> PAGE_SHIFT;

	if (vma->vm_pgoff >= npages || vma_pages(vma) > npages - vma->vm_pgoff)
		return -EINVAL;
	return io_remap_pfn_range(vma, vma->vm_start, /* expect-warning mmap-iomem-attributes */
				  PHYS_PFN(base) + vma->vm_pgoff,
				  vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int ntb_mw_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct ntb_like *ntb = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	return ntb_map_window(vma, pci_resource_start(ntb->pdev, ntb->mw_bar),
			      pci_resource_len(ntb->pdev, ntb->mw_bar));
}

static const struct file_operations ntb_mw_fops = {
	.owner = THIS_MODULE,
	.mmap = ntb_mw_mmap,
};
