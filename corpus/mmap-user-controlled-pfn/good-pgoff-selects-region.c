/* mmap-user-controlled-pfn (good): vm_pgoff is only a token that selects one of two register windows (switch with a default that refuses), and the PFN comes from the chosen window. */
#include <linux/fs.h>
#include <linux/mm.h>

#define WIN_CTRL	0
#define WIN_STATUS	1

struct twowin {
	unsigned long ctrl_pfn;
	unsigned long status_pfn;
};

static int twowin_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct twowin *tw = file->private_data;
	unsigned long pfn;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_end - vma->vm_start != PAGE_SIZE)
		return -EINVAL;

	switch (vma->vm_pgoff) {
	case WIN_CTRL:
		pfn = tw->ctrl_pfn;
		break;
	case WIN_STATUS:
		pfn = tw->status_pfn;
		break;
	default:
		return -EINVAL;
	}

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return io_remap_pfn_range(vma, vma->vm_start, pfn, PAGE_SIZE, vma->vm_page_prot);
}

static const struct file_operations twowin_fops = {
	.owner = THIS_MODULE,
	.mmap = twowin_mmap,
};
