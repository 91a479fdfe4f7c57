/* mmap-range-unchecked (bad): the "check" helper the mmap handler relies on only looks at the VMA's flags; nothing compares the VMA's size with the ring. */
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>

#define RXR_ORDER	1

struct rxr {
	struct page *pages;
	size_t size;
};

static int rxr_check_vma(struct rxr *r, struct vm_area_struct *vma)
{
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_flags & VM_EXEC)
		return -EPERM;
	return 0;
}

static int rxr_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct rxr *r = file->private_data;
	int ret;

	ret = rxr_check_vma(r, vma);
	if (ret)
		return ret;
	if (vma->vm_pgoff)
		return -EINVAL;

	/* expect-warning@+1 mmap-range-unchecked */
	return remap_pfn_range(vma, vma->vm_start, page_to_pfn(r->pages),
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int rxr_alloc(struct rxr *r)
{
	r->pages = alloc_pages(GFP_KERNEL | __GFP_ZERO, RXR_ORDER);
	if (!r->pages)
		return -ENOMEM;
	r->size = PAGE_SIZE << RXR_ORDER;
	return 0;
}

static const struct file_operations rxr_fops = {
	.owner = THIS_MODULE,
	.mmap = rxr_mmap,
};
