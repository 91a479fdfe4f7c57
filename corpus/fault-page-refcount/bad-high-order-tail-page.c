/* fault-page-refcount: LDD3's scullp problem: an order-N __get_free_pages() block without __GFP_COMP is mapped page by page; only its first page has a refcount, so get_page() on the others is itself the bug. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/gfp.h>

struct blk_ring {
	void *buf;
	unsigned int order;
	unsigned long npages;
	struct mutex lock;
};

static int blk_ring_alloc(struct blk_ring *r, size_t size)
{
	r->order = get_order(size);
	r->buf = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, r->order);
	if (!r->buf)
		return -ENOMEM;
	r->npages = 1UL << r->order;
	mutex_init(&r->lock);
	return 0;
}

static void blk_ring_free(struct blk_ring *r)
{
	free_pages((unsigned long)r->buf, r->order);
	r->buf = NULL;
}

static vm_fault_t blk_ring_fault(struct vm_fault *vmf)
{
	struct blk_ring *r = vmf->vma->vm_private_data;
	struct page *page;

	if (vmf->pgoff >= r->npages)
		return VM_FAULT_SIGBUS;

	page = virt_to_page(r->buf + (vmf->pgoff << PAGE_SHIFT));
	get_page(page);
	vmf->page = page;	/* expect-warning fault-page-refcount */
	return 0;
}

static const struct vm_operations_struct blk_ring_vm_ops = {
	.fault = blk_ring_fault,
};

static int blk_ring_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct blk_ring *r = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff + vma_pages(vma) > r->npages)
		return -EINVAL;
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_private_data = r;
	vma->vm_ops = &blk_ring_vm_ops;
	return 0;
}
