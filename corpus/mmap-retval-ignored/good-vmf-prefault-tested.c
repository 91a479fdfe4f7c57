/* GPU aperture fault handler: the vm_fault_t is returned, and a prefault loop stops on VM_FAULT_ERROR. */
#include <linux/fs.h>
#include <linux/mm.h>

#define APER_PREFAULT 16

struct aper_obj {
	unsigned long base_pfn;    /* from the memory manager */
	unsigned long npages;
};

static vm_fault_t aper_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct aper_obj *obj = vma->vm_private_data;
	unsigned long addr = vmf->address;
	pgoff_t off = vmf->pgoff - vma->vm_pgoff;
	vm_fault_t ret = VM_FAULT_NOPAGE;
	int i;

	if (off >= obj->npages)
		return VM_FAULT_SIGBUS;

	for (i = 0; i < APER_PREFAULT && off + i < obj->npages; i++) {
		ret = vmf_insert_pfn(vma, addr, obj->base_pfn + off + i);
		if (ret & VM_FAULT_ERROR)
			break;
		addr += PAGE_SIZE;
		if (addr >= vma->vm_end)
			break;
	}
	return ret;
}

static vm_fault_t aper_fault_simple(struct vm_fault *vmf)
{
	struct aper_obj *obj = vmf->vma->vm_private_data;

	if (vmf->pgoff >= obj->npages)
		return VM_FAULT_SIGBUS;
	return vmf_insert_pfn(vmf->vma, vmf->address, obj->base_pfn + vmf->pgoff);
}

static const struct vm_operations_struct aper_vm_ops = {
	.fault = aper_fault,
};

static const struct vm_operations_struct aper_simple_vm_ops = {
	.fault = aper_fault_simple,
};
