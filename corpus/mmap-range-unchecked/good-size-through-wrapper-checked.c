/* mmap-range-unchecked (good): the handler compares the VMA with the register block before handing its size to the same-file remap wrapper. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

#define MON_BAR		0
#define MON_LEN		0x4000

struct mon_dev {
	struct pci_dev *pdev;
	unsigned long regs_pfn;
};

static int mon_io_remap(struct vm_area_struct *vma, unsigned long pfn, unsigned long len)
{
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return io_remap_pfn_range(vma, vma->vm_start, pfn, len, vma->vm_page_prot);
}

static int mon_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct mon_dev *md = file->private_data;
	unsigned long len = vma->vm_end - vma->vm_start;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff || len > MON_LEN)
		return -EINVAL;

	return mon_io_remap(vma, md->regs_pfn, len);
}

static const struct file_operations mon_fops = {
	.owner = THIS_MODULE,
	.mmap = mon_mmap,
};
