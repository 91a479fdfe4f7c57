/* fault-page-refcount: the reference is taken in a same-file pin helper that also counts mapped pages for the debugfs statistics. */
#include <linux/fs.h>
#include <linux/mm.h>

struct xbuf {
	struct page **pages;
	unsigned long npages;
	atomic_t mapped;
};

static void xbuf_pin_page(struct xbuf *xb, struct page *page)
{
	get_page(page);
	atomic_inc(&xb->mapped);
}

static vm_fault_t xbuf_fault(struct vm_fault *vmf)
{
	struct xbuf *xb = vmf->vma->vm_private_data;
	struct page *page;

	if (vmf->pgoff >= xb->npages)
		return VM_FAULT_SIGBUS;

	page = xb->pages[vmf->pgoff];
	xbuf_pin_page(xb, page);
	vmf->page = page;
	return 0;
}

static const struct vm_operations_struct xbuf_vm_ops = {
	.fault = xbuf_fault,
};

static int xbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct xbuf *xb = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff + vma_pages(vma) > xb->npages)
		return -EINVAL;
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_private_data = xb;
	vma->vm_ops = &xbuf_vm_ops;
	return 0;
}
