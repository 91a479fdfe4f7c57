/* mmap-pfn-unit-confusion (bad): the reserved-memory base is kept in a phys_addr_t local and handed to remap_pfn_range() unshifted. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/of_reserved_mem.h>

struct rmem_dev {
	struct reserved_mem *rmem;
};

static int rmem_dev_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct rmem_dev *rd = file->private_data;
	phys_addr_t base = rd->rmem->base;
	size_t size = vma->vm_end - vma->vm_start;

	if (vma->vm_pgoff || size > rd->rmem->size)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	/* expect-warning@+1 mmap-pfn-unit-confusion */
	return remap_pfn_range(vma, vma->vm_start, base, size, vma->vm_page_prot);
}

static const struct file_operations rmem_dev_fops = {
	.owner = THIS_MODULE,
	.mmap = rmem_dev_mmap,
};
