/* mmap-pfn-unit-confusion (good): a fault handler inserts base PFN + page index; both are page units, and the index is bounded by the window. */
#include <linux/mm.h>

struct mmio_win {
	unsigned long base_pfn;
	unsigned long npages;
};

static vm_fault_t mmio_win_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mmio_win *mw = vma->vm_private_data;

	if (vmf->pgoff >= mw->npages)
		return VM_FAULT_SIGBUS;
	return vmf_insert_pfn(vma, vmf->address, mw->base_pfn + vmf->pgoff);
}

static const struct vm_operations_struct mmio_win_vm_ops = {
	.fault = mmio_win_fault,
};
