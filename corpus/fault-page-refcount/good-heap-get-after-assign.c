/* fault-page-refcount: a dma-buf heap exports its page array through ->fault; the page is bounded and gets its own reference via get_page(vmf->page). */
#include <linux/dma-buf.h>
#include <linux/mm.h>

struct cma_like_buffer {
	struct page **pages;
	pgoff_t pagecount;
	struct mutex lock;
};

static vm_fault_t heap_vm_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct cma_like_buffer *buffer = vma->vm_private_data;

	if (vmf->pgoff >= buffer->pagecount)
		return VM_FAULT_SIGBUS;

	vmf->page = buffer->pages[vmf->pgoff];
	get_page(vmf->page);

	return 0;
}

static const struct vm_operations_struct heap_vm_ops = {
	.fault = heap_vm_fault,
};

static int heap_mmap(struct dma_buf *dmabuf, struct vm_area_struct *vma)
{
	struct cma_like_buffer *buffer = dmabuf->priv;

	if ((vma->vm_flags & (VM_SHARED | VM_MAYSHARE)) == 0)
		return -EINVAL;

	vma->vm_ops = &heap_vm_ops;
	vma->vm_private_data = buffer;
	return 0;
}

static const struct dma_buf_ops heap_buf_ops = {
	.mmap = heap_mmap,
};
