/* mmap-user-controlled-pfn (bad): the mmap handler passes the user's offset to its remap wrapper as the page frame number. */
#include <linux/fs.h>
#include <linux/mm.h>

#define SNOOP_WIN	(64 * 1024)

static int snoop_remap(struct vm_area_struct *vma, unsigned long pfn, unsigned long len)
{
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return io_remap_pfn_range(vma, vma->vm_start, pfn, len, vma->vm_page_prot);
}

static int snoop_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long len = vma->vm_end - vma->vm_start;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (len > SNOOP_WIN)
		return -EINVAL;

	/* expect-warning@+1 mmap-user-controlled-pfn */
	return snoop_remap(vma, vma->vm_pgoff, len);
}

static const struct file_operations snoop_fops = {
	.owner = THIS_MODULE,
	.mmap = snoop_mmap,
};
