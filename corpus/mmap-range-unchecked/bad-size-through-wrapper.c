/* mmap-range-unchecked (bad): the VMA's size is handed to a small remap wrapper of the same file; neither the handler nor the wrapper compares it with the register block. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

#define TRC_BAR		2
#define TRC_BAR_OFF	0x10000

struct trc_dev {
	struct pci_dev *pdev;
	unsigned long regs_pfn;
};

static int trc_io_remap(struct vm_area_struct *vma, unsigned long pfn, unsigned long len)
{
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return io_remap_pfn_range(vma, vma->vm_start, pfn, len, vma->vm_page_prot);
}

static int trc_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct trc_dev *td = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff)
		return -EINVAL;

	/* expect-warning@+1 mmap-range-unchecked */
	return trc_io_remap(vma, td->regs_pfn, vma->vm_end - vma->vm_start);
}

static int trc_setup(struct trc_dev *td)
{
	td->regs_pfn = (pci_resource_start(td->pdev, TRC_BAR) + TRC_BAR_OFF) >> PAGE_SHIFT;
	return 0;
}

static const struct file_operations trc_fops = {
	.owner = THIS_MODULE,
	.mmap = trc_mmap,
};
