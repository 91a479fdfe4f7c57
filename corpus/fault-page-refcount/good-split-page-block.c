/* fault-page-refcount: an order-N alloc_pages() block is split_page()d right after allocation, so every page of it owns a reference and nth_page() + get_page() is fine. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/gfp.h>

struct sblk {
	struct page *first;
	unsigned int order;
	unsigned long npages;
};

static int sblk_alloc(struct sblk *b, unsigned int order)
{
	b->first = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);
	if (!b->first)
		return -ENOMEM;
	split_page(b->first, order);
	b->order = order;
	b->npages = 1UL << order;
	return 0;
}

static vm_fault_t sblk_fault(struct vm_fault *vmf)
{
	struct sblk *b = vmf->vma->vm_private_data;

	if (vmf->pgoff >= b->npages)
		return VM_FAULT_SIGBUS;

	vmf->page = nth_page(b->first, vmf->pgoff);
	get_page(vmf->page);
	return 0;
}

static const struct vm_operations_struct sblk_vm_ops = {
	.fault = sblk_fault,
};
