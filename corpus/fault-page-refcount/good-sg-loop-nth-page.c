/* fault-page-refcount: the sg reserve buffer is a list of higher-order compound chunks; the fault walks them, picks nth_page() and takes get_page() inside the loop before returning. */
#include <linux/mm.h>
#include <scsi/sg.h>

struct sg_reserve {
	unsigned short k_use_sg;
	unsigned char page_order;
	struct page **pages;
	int bufflen;
};

struct sg_fd {
	struct sg_reserve reserve;
};

static vm_fault_t sg_vma_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct sg_fd *sfp;
	unsigned long offset, len, sa;
	struct sg_reserve *rsv;
	int k, length;

	if (!vma || !(sfp = vma->vm_private_data))
		return VM_FAULT_SIGBUS;
	rsv = &sfp->reserve;
	offset = vmf->pgoff << PAGE_SHIFT;
	if (offset >= rsv->bufflen)
		return VM_FAULT_SIGBUS;
	sa = vma->vm_start;
	length = 1 << (PAGE_SHIFT + rsv->page_order);
	for (k = 0; k < rsv->k_use_sg && sa < vma->vm_end; k++) {
		len = vma->vm_end - sa;
		len = (len < length) ? len : length;
		if (offset < len) {
			struct page *page = nth_page(rsv->pages[k], offset >> PAGE_SHIFT);

			get_page(page);	/* increment page count */
			vmf->page = page;
			return 0;
		}
		sa += len;
		offset -= len;
	}

	return VM_FAULT_SIGBUS;
}

static const struct vm_operations_struct sg_mmap_vm_ops = {
	.fault = sg_vma_fault,
};
