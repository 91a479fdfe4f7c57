/* fault-page-refcount: a reserved-memory carve-out with struct pages is exported through the fault path; pfn_to_page() takes no reference and the handler returns it under an error-ladder. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/of_reserved_mem.h>

struct crv_region {
	phys_addr_t base;
	size_t size;
	unsigned long base_pfn;
	unsigned long npages;
	struct mutex lock;
	bool dead;
};

static vm_fault_t crv_fault(struct vm_fault *vmf)
{
	struct crv_region *rg = vmf->vma->vm_private_data;
	struct page *page;
	vm_fault_t ret = 0;

	mutex_lock(&rg->lock);
	if (rg->dead) {
		ret = VM_FAULT_SIGBUS;
		goto out_unlock;
	}
	if (vmf->pgoff >= rg->npages) {
		ret = VM_FAULT_SIGBUS;
		goto out_unlock;
	}

	page = pfn_to_page(rg->base_pfn + vmf->pgoff);
	vmf->page = page;	/* expect-warning fault-page-refcount */

out_unlock:
	mutex_unlock(&rg->lock);
	return ret;
}

static const struct vm_operations_struct crv_vm_ops = {
	.fault = crv_fault,
};
