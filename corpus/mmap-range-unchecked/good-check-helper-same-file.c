/* mmap-range-unchecked (good): the checks live in a small helper of the same file that is given the VMA; its result is tested before the ring is remapped. */
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>

#define TXR_ORDER	1

struct txr {
	struct page *pages;
	size_t size;
};

static int txr_check_vma(struct txr *r, struct vm_area_struct *vma)
{
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff)
		return -EINVAL;
	if (vma->vm_end - vma->vm_start > r->size)
		return -EINVAL;
	return 0;
}

static int txr_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct txr *r = file->private_data;
	int ret;

	ret = txr_check_vma(r, vma);
	if (ret)
		return ret;

	return remap_pfn_range(vma, vma->vm_start, page_to_pfn(r->pages),
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int txr_alloc(struct txr *r)
{
	r->pages = alloc_pages(GFP_KERNEL | __GFP_ZERO, TXR_ORDER);
	if (!r->pages)
		return -ENOMEM;
	r->size = PAGE_SIZE << TXR_ORDER;
	return 0;
}

static const struct file_operations txr_fops = {
	.owner = THIS_MODULE,
	.mmap = txr_mmap,
};
