/* mmap-range-unchecked (good): the mmap handler compares the request with the shared page area, then hands the VMA to a helper that remaps it; the helper itself has no check but is only reached through the checked path. */
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>

#define STATS_ORDER	2

struct stats_area {
	struct page *pages;
	size_t len;
};

static int stats_remap(struct stats_area *sa, struct vm_area_struct *vma)
{
	unsigned long len = vma->vm_end - vma->vm_start;

	return remap_pfn_range(vma, vma->vm_start, page_to_pfn(sa->pages) + vma->vm_pgoff,
			       len, vma->vm_page_prot);
}

static int stats_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct stats_area *sa = file->private_data;
	unsigned long npages = sa->len >> PAGE_SHIFT;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff + vma_pages(vma) > npages)
		return -EINVAL;
	if (vma->vm_pgoff + vma_pages(vma) < vma->vm_pgoff)
		return -EOVERFLOW;

	return stats_remap(sa, vma);
}

static const struct file_operations stats_fops = {
	.owner = THIS_MODULE,
	.mmap = stats_mmap,
};

static int stats_alloc(struct stats_area *sa)
{
	sa->pages = alloc_pages(GFP_KERNEL | __GFP_ZERO, STATS_ORDER);
	if (!sa->pages)
		return -ENOMEM;
	sa->len = PAGE_SIZE << STATS_ORDER;
	return 0;
}
