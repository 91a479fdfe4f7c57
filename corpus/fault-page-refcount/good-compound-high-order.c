/* fault-page-refcount: the same high-order ring as the scullp case, allocated with __GFP_COMP: every page may be handed out with get_page(). */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/gfp.h>

struct cring {
	void *buf;
	unsigned int order;
	unsigned long npages;
};

static int cring_alloc(struct cring *r, size_t size)
{
	r->order = get_order(size);
	r->buf = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO | __GFP_COMP, r->order);
	if (!r->buf)
		return -ENOMEM;
	r->npages = 1UL << r->order;
	return 0;
}

static vm_fault_t cring_fault(struct vm_fault *vmf)
{
	struct cring *r = vmf->vma->vm_private_data;
	struct page *page;

	if (vmf->pgoff >= r->npages)
		return VM_FAULT_SIGBUS;

	page = virt_to_page(r->buf + (vmf->pgoff << PAGE_SHIFT));
	get_page(page);
	vmf->page = page;
	return 0;
}

static const struct vm_operations_struct cring_vm_ops = {
	.fault = cring_fault,
};
