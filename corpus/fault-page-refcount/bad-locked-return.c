/* fault-page-refcount: a shadow-buffer handler returns its page locked (VM_FAULT_LOCKED) for dirty tracking, but never takes the reference the core drops at unmap. */
#include <linux/fb.h>
#include <linux/mm.h>
#include <linux/pagemap.h>

struct shfb_par {
	struct page **shadow;
	unsigned long npages;
	struct address_space *mapping;
};

static vm_fault_t shfb_fault(struct vm_fault *vmf)
{
	struct fb_info *info = vmf->vma->vm_private_data;
	struct shfb_par *par = info->par;
	struct page *page;

	if (vmf->pgoff >= par->npages)
		return VM_FAULT_SIGBUS;

	page = par->shadow[vmf->pgoff];
	lock_page(page);
	page->mapping = par->mapping;
	page->index = vmf->pgoff;

	vmf->page = page;	/* expect-warning fault-page-refcount */
	return VM_FAULT_LOCKED;
}

static const struct vm_operations_struct shfb_vm_ops = {
	.fault = shfb_fault,
};

static int shfb_mmap(struct fb_info *info, struct vm_area_struct *vma)
{
	struct shfb_par *par = info->par;

	if (vma->vm_pgoff + vma_pages(vma) > par->npages)
		return -EINVAL;
	vma->vm_ops = &shfb_vm_ops;
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_private_data = info;
	return 0;
}
