/* fault-range-unchecked: a relay-style channel maps its sub-buffers from one vmap()ed area by byte offset; no check against n_subbufs * subbuf_size and no VM_DONTEXPAND. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>

struct rchan_like {
	size_t subbuf_size;
	size_t n_subbufs;
};

struct rbuf {
	void *start;
	struct rchan_like *chan;
	struct page **page_array;
	unsigned int page_count;
};

static vm_fault_t rbuf_fault(struct vm_fault *vmf)
{
	struct rbuf *buf = vmf->vma->vm_private_data;
	pgoff_t pgoff = vmf->pgoff;
	struct page *page;

	if (!buf)
		return VM_FAULT_OOM;

	page = vmalloc_to_page(buf->start + (pgoff << PAGE_SHIFT));	/* expect-warning fault-range-unchecked */
	if (!page)
		return VM_FAULT_SIGBUS;
	get_page(page);
	vmf->page = page;

	return 0;
}

static const struct vm_operations_struct rbuf_mmap_ops = {
	.fault = rbuf_fault,
};

static int rbuf_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct rbuf *buf = filp->private_data;

	if (!buf)
		return -EBADF;
	vma->vm_ops = &rbuf_mmap_ops;
	vma->vm_private_data = buf;
	return 0;
}
