/* fault-page-refcount: after a device is unplugged, read-only mappings are backed by the shared zero page, which the handler returns without get_page() (the core puts it at unmap). */
#include <linux/fs.h>
#include <linux/mm.h>

struct rdx_file {
	struct mutex umap_lock;
	struct page *dummy_page;
	bool disassociated;
};

static vm_fault_t rdx_umap_fault(struct vm_fault *vmf)
{
	struct rdx_file *uf = vmf->vma->vm_file->private_data;
	vm_fault_t ret = 0;

	if (!(vmf->vma->vm_flags & (VM_WRITE | VM_MAYWRITE))) {
		vmf->page = ZERO_PAGE(vmf->address);	/* expect-warning fault-page-refcount */
		return 0;
	}

	mutex_lock(&uf->umap_lock);
	if (!uf->dummy_page)
		uf->dummy_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (uf->dummy_page) {
		vmf->page = uf->dummy_page;
		get_page(vmf->page);
	} else {
		ret = VM_FAULT_SIGBUS;
	}
	mutex_unlock(&uf->umap_lock);
	return ret;
}

static const struct vm_operations_struct rdx_umap_ops = {
	.fault = rdx_umap_fault,
};
