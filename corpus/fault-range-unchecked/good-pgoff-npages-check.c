/* fault-range-unchecked: the canonical bound: if (vmf->pgoff >= priv->npages) return VM_FAULT_SIGBUS; before indexing the page array. */
#include <linux/dma-buf.h>
#include <linux/mm.h>

struct ubuf {
	pgoff_t pagecount;
	struct page **pages;
};

static vm_fault_t ubuf_vm_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct ubuf *priv = vma->vm_private_data;
	pgoff_t pgoff = vmf->pgoff;

	if (pgoff >= priv->pagecount)
		return VM_FAULT_SIGBUS;
	vmf->page = priv->pages[pgoff];
	get_page(vmf->page);
	return 0;
}

static const struct vm_operations_struct ubuf_vm_ops = {
	.fault = ubuf_vm_fault,
};

static int ubuf_mmap(struct dma_buf *buf, struct vm_area_struct *vma)
{
	struct ubuf *priv = buf->priv;

	if ((vma->vm_flags & (VM_SHARED | VM_MAYSHARE)) == 0)
		return -EINVAL;

	vma->vm_ops = &ubuf_vm_ops;
	vma->vm_private_data = priv;
	return 0;
}
