/* vfio-fsl-mc style: a region without the WRITE flag refuses VM_WRITE, but VM_MAYWRITE stays and mprotect() adds write later. */
#include <linux/fs.h>
#include <linux/mm.h>

#define XREGION_FLAG_MMAP  (1 << 0)
#define XREGION_FLAG_READ  (1 << 1)
#define XREGION_FLAG_WRITE (1 << 2)

struct xregion {
	u32 flags;
	u64 addr;
	u64 size;
};

struct xdev {
	struct xregion *regions;
	unsigned int nr_regions;
};

static int xdev_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct xdev *xd = file->private_data;
	unsigned int index = vma->vm_pgoff >> (40 - PAGE_SHIFT);

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (index >= xd->nr_regions)
		return -EINVAL;
	if (vma->vm_pgoff & ((1UL << (40 - PAGE_SHIFT)) - 1))
		return -EINVAL;
	if (vma->vm_end - vma->vm_start > xd->regions[index].size)
		return -EINVAL;
	if (!(xd->regions[index].flags & XREGION_FLAG_MMAP))
		return -EINVAL;
	if (!(xd->regions[index].flags & XREGION_FLAG_READ) && (vma->vm_flags & VM_READ))
		return -EINVAL;
	if (!(xd->regions[index].flags & XREGION_FLAG_WRITE) && (vma->vm_flags & VM_WRITE)) /* expect-warning mmap-vm-flags */
		return -EINVAL;

	vma->vm_private_data = xd;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return io_remap_pfn_range(vma, vma->vm_start, xd->regions[index].addr >> PAGE_SHIFT,
				  vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static const struct file_operations xdev_fops = {
	.owner = THIS_MODULE,
	.mmap = xdev_mmap,
};
