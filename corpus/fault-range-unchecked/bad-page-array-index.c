/* fault-range-unchecked: pages[vmf->pgoff] with no bound; the mmap checks the length once but does not set VM_DONTEXPAND, so mremap() grows the VMA past the array (MMAP-13). */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct pbuf {
	struct page **pages;
	unsigned int npages;
};

static vm_fault_t pbuf_fault(struct vm_fault *vmf)
{
	struct pbuf *pb = vmf->vma->vm_private_data;
	struct page *page;

	page = pb->pages[vmf->pgoff];	/* expect-warning fault-range-unchecked */
	get_page(page);
	vmf->page = page;
	return 0;
}

static const struct vm_operations_struct pbuf_vm_ops = {
	.fault = pbuf_fault,
};

static int pbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct pbuf *pb = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff + vma_pages(vma) > pb->npages)
		return -EINVAL;
	vma->vm_private_data = pb;
	vma->vm_ops = &pbuf_vm_ops;
	return 0;
}
