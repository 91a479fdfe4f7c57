/* mmap-user-controlled-pfn (bad): the user's offset goes through two locals (bytes and back to pages) before it becomes the PFN; the size is checked, the physical page is not. */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>

#define SCOPE_WIN_BYTES	(1UL << 20)

static int scope_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long len = vma->vm_end - vma->vm_start;
	unsigned long phys = vma->vm_pgoff << PAGE_SHIFT;
	unsigned long pfn = phys >> PAGE_SHIFT;

	if (len > SCOPE_WIN_BYTES)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	/* expect-warning@+1 mmap-user-controlled-pfn */
	return io_remap_pfn_range(vma, vma->vm_start, pfn, len, vma->vm_page_prot);
}

static const struct file_operations scope_fops = {
	.owner = THIS_MODULE,
	.mmap = scope_mmap,
};

static struct miscdevice scope_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "scope",
	.fops = &scope_fops,
};
