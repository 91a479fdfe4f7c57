/* mmap-pfn-unit-confusion (bad): pci_resource_start() is the BAR's physical byte address; io_remap_pfn_range() takes it as a page frame number and maps memory 4096 times higher. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

#define CTR_BAR	0

struct ctr_dev {
	struct pci_dev *pdev;
};

static int ctr_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct ctr_dev *cd = file->private_data;
	unsigned long size = vma->vm_end - vma->vm_start;

	if (vma->vm_pgoff || size > pci_resource_len(cd->pdev, CTR_BAR))
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	/* expect-warning@+1 mmap-pfn-unit-confusion */
	return io_remap_pfn_range(vma, vma->vm_start, pci_resource_start(cd->pdev, CTR_BAR),
				  size, vma->vm_page_prot);
}

static const struct file_operations ctr_fops = {
	.owner = THIS_MODULE,
	.mmap = ctr_mmap,
};
