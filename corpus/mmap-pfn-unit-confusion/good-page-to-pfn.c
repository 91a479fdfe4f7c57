/* mmap-pfn-unit-confusion (good): the page allocator's pages are mapped by page_to_pfn(), which is a page frame number already. */
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>

#define HIST_ORDER	3

struct hist_dev {
	struct page *pages;
};

static int hist_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct hist_dev *hd = file->private_data;
	unsigned long npages = 1UL << HIST_ORDER;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff >= npages || vma_pages(vma) > npages - vma->vm_pgoff)
		return -EINVAL;

	return remap_pfn_range(vma, vma->vm_start, page_to_pfn(hd->pages) + vma->vm_pgoff,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int hist_alloc(struct hist_dev *hd)
{
	hd->pages = alloc_pages(GFP_KERNEL | __GFP_ZERO, HIST_ORDER);
	return hd->pages ? 0 : -ENOMEM;
}

static const struct file_operations hist_fops = {
	.owner = THIS_MODULE,
	.mmap = hist_mmap,
};
