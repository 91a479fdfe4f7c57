/* fault-page-refcount: after disassociation, reads get the zero page and writes a per-file dummy page; both paths take a reference of their own. */
#include <linux/fs.h>
#include <linux/mm.h>

struct umap_file {
	struct mutex umap_lock;
	struct page *disassociate_page;
};

struct umap_priv {
	struct list_head list;
};

static vm_fault_t umap_fault(struct vm_fault *vmf)
{
	struct umap_file *ufile = vmf->vma->vm_file->private_data;
	struct umap_priv *priv = vmf->vma->vm_private_data;
	vm_fault_t ret = 0;

	if (!priv)
		return VM_FAULT_SIGBUS;

	/* Read only pages can just use the system zero page. */
	if (!(vmf->vma->vm_flags & (VM_WRITE | VM_MAYWRITE))) {
		vmf->page = ZERO_PAGE(vmf->address);
		get_page(vmf->page);
		return 0;
	}

	mutex_lock(&ufile->umap_lock);
	if (!ufile->disassociate_page)
		ufile->disassociate_page = alloc_pages(vmf->gfp_mask | __GFP_ZERO, 0);

	if (ufile->disassociate_page) {
		vmf->page = ufile->disassociate_page;
		get_page(vmf->page);
	} else {
		ret = VM_FAULT_SIGBUS;
	}
	mutex_unlock(&ufile->umap_lock);

	return ret;
}

static const struct vm_operations_struct umap_vm_ops = {
	.fault = umap_fault,
};
