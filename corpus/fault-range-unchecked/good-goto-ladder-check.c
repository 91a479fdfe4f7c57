/* fault-range-unchecked: a UIO-style handler under info_lock: the index is tested on a goto-out error ladder before the memory region is touched. */
#include <linux/mm.h>
#include <linux/uio_driver.h>

struct lmem {
	void *vaddr;
	unsigned long npages;
	bool logical;
};

struct ldev {
	struct mutex info_lock;
	struct lmem *mem;
	bool gone;
};

static vm_fault_t ldev_vma_fault(struct vm_fault *vmf)
{
	struct ldev *idev = vmf->vma->vm_private_data;
	struct page *page;
	unsigned long offset;
	void *addr;
	vm_fault_t ret = 0;

	mutex_lock(&idev->info_lock);
	if (idev->gone) {
		ret = VM_FAULT_SIGBUS;
		goto out;
	}
	if (vmf->pgoff >= idev->mem->npages) {
		ret = VM_FAULT_SIGBUS;
		goto out;
	}

	offset = vmf->pgoff << PAGE_SHIFT;
	addr = idev->mem->vaddr + offset;
	if (idev->mem->logical)
		page = virt_to_page(addr);
	else
		page = vmalloc_to_page(addr);
	get_page(page);
	vmf->page = page;

out:
	mutex_unlock(&idev->info_lock);
	return ret;
}

static const struct vm_operations_struct ldev_logical_vm_ops = {
	.fault = ldev_vma_fault,
};
