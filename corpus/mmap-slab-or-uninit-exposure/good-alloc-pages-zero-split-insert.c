/* mmap-slab-or-uninit-exposure (good): one higher-order allocation with __GFP_ZERO is split into order-0 pages and inserted with vm_insert_page(). */
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/fs.h>

#define XB_ORDER		3
#define XB_PAGES		(1UL << XB_ORDER)

struct xb_dev {
	struct page *pages;
	struct mutex lock;
};

static int xb_alloc(struct xb_dev *xb)
{
	xb->pages = alloc_pages(GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN, XB_ORDER);
	if (!xb->pages)
		return -ENOMEM;
	split_page(xb->pages, XB_ORDER);
	return 0;
}

static int xb_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct xb_dev *xb = file->private_data;
	unsigned long uaddr = vma->vm_start;
	unsigned long i;
	int ret;

	if (vma->vm_pgoff >= XB_PAGES || vma_pages(vma) > XB_PAGES - vma->vm_pgoff)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	for (i = 0; i < vma_pages(vma); i++) {
		ret = vm_insert_page(vma, uaddr, xb->pages + vma->vm_pgoff + i);
		if (ret)
			return ret;
		uaddr += PAGE_SIZE;
	}
	return 0;
}

static const struct file_operations xb_fops = {
	.owner = THIS_MODULE,
	.mmap = xb_mmap,
};
