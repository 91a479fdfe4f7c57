/* mmap-range-unchecked (bad): uio_mmap_physical() before the 2013 fix: the map index picked by vm_pgoff is validated, but the VMA's size is never compared with the region's, so a long mmap() exposes the physical memory after it. */
#include <linux/mm.h>
#include <linux/uio_driver.h>

struct uio_device {
	struct uio_info *info;
};

static int uio_find_mem_index(struct vm_area_struct *vma)
{
	struct uio_device *idev = vma->vm_private_data;

	if (vma->vm_pgoff < MAX_UIO_MAPS) {
		if (idev->info->mem[vma->vm_pgoff].size == 0)
			return -1;
		return (int)vma->vm_pgoff;
	}
	return -1;
}

static int uio_mmap_physical(struct vm_area_struct *vma)
{
	struct uio_device *idev = vma->vm_private_data;
	int mi = uio_find_mem_index(vma);

	if (mi < 0)
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);

	/* expect-warning@+1 mmap-range-unchecked */
	return remap_pfn_range(vma,
			       vma->vm_start,
			       idev->info->mem[mi].addr >> PAGE_SHIFT,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static int uio_mmap(struct file *filep, struct vm_area_struct *vma)
{
	struct uio_device *idev = filep->private_data;
	int mi;

	if (vma->vm_end < vma->vm_start)
		return -EINVAL;

	vma->vm_private_data = idev;

	mi = uio_find_mem_index(vma);
	if (mi < 0)
		return -EINVAL;

	switch (idev->info->mem[mi].memtype) {
	case UIO_MEM_PHYS:
		return uio_mmap_physical(vma);
	default:
		return -EINVAL;
	}
}

static const struct file_operations uio_fops = {
	.owner = THIS_MODULE,
	.mmap = uio_mmap,
};
