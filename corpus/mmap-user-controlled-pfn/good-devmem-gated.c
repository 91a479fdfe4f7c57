/* mmap-user-controlled-pfn (good): a deliberate physical-memory window (like /dev/mem): vm_pgoff is the physical page, but the opener needs CAP_SYS_RAWIO and the range is checked with range_is_allowed() before mapping. */
#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/mm.h>

static int range_is_allowed(unsigned long pfn, unsigned long size);

static int physwin_open(struct inode *inode, struct file *filp)
{
	if (!capable(CAP_SYS_RAWIO))
		return -EPERM;
	return 0;
}

static int physwin_mmap(struct file *file, struct vm_area_struct *vma)
{
	size_t size = vma->vm_end - vma->vm_start;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (!range_is_allowed(vma->vm_pgoff, size))
		return -EPERM;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	if (io_remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff, size, vma->vm_page_prot))
		return -EAGAIN;
	return 0;
}

static const struct file_operations physwin_fops = {
	.owner = THIS_MODULE,
	.open = physwin_open,
	.mmap = physwin_mmap,
};
