/* mmap-pfn-unit-confusion (bad): the kernel virtual address of the buffer is shifted down and used as a PFN; the linear-map address is not the physical one, so an unrelated page is mapped. */
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>

#define RING_ORDER	2

struct ring_dev {
	void *ring;
	size_t ring_len;
};

static int ring_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct ring_dev *rd = file->private_data;
	unsigned long len = vma->vm_end - vma->vm_start;

	if (vma->vm_pgoff || len > rd->ring_len)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	/* expect-warning@+1 mmap-pfn-unit-confusion */
	return remap_pfn_range(vma, vma->vm_start, (unsigned long)rd->ring >> PAGE_SHIFT,
			       len, vma->vm_page_prot);
}

static const struct file_operations ring_fops = {
	.owner = THIS_MODULE,
	.mmap = ring_mmap,
};
