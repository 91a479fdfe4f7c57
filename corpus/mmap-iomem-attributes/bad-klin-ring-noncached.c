/* Status ring from __get_free_pages() exported uncached: the linear map keeps a cacheable alias of the same RAM. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/gfp.h>

#define STAT_RING_ORDER 2

struct stat_dev {
	struct device *dev;
	void *ring;
	size_t ring_size;
};

static int stat_alloc(struct stat_dev *sd)
{
	sd->ring_size = PAGE_SIZE << STAT_RING_ORDER;
	sd->ring = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO | __GFP_COMP, STAT_RING_ORDER);
	if (!sd->ring)
		return -ENOMEM;
	return 0;
}

static int stat_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct stat_dev *sd = file->private_data;
	unsigned long len = vma->vm_end - vma->vm_start;

	if (vma->vm_pgoff || len > sd->ring_size)
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return remap_pfn_range(vma, vma->vm_start, /* expect-warning mmap-iomem-attributes */
			       virt_to_phys(sd->ring) >> PAGE_SHIFT, len, vma->vm_page_prot);
}

static const struct file_operations stat_fops = {
	.owner = THIS_MODULE,
	.mmap = stat_mmap,
};
