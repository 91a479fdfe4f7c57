/* mmap-user-controlled-pfn (good): vfio-style: mmap checks the request against the BAR and rewrites vm_pgoff to the BAR's PFN plus the offset; the fault handler later remaps vm_pgoff, which is no longer the user's number. */
#include <linux/mm.h>
#include <linux/pci.h>

struct vbar_dev {
	struct pci_dev *pdev;
};

static vm_fault_t vbar_mmap_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;

	if (io_remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot))
		return VM_FAULT_SIGBUS;
	return VM_FAULT_NOPAGE;
}

static const struct vm_operations_struct vbar_mmap_ops = {
	.fault = vbar_mmap_fault,
};

static int vbar_mmap(struct vbar_dev *vd, unsigned int bar, struct vm_area_struct *vma)
{
	u64 phys_len = pci_resource_len(vd->pdev, bar);
	u64 req_len = vma->vm_end - vma->vm_start;
	u64 pgoff = vma->vm_pgoff;
	u64 req_start = pgoff << PAGE_SHIFT;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (req_start + req_len > phys_len)
		return -EINVAL;

	vma->vm_private_data = vd;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vma->vm_pgoff = (pci_resource_start(vd->pdev, bar) >> PAGE_SHIFT) + pgoff;
	vm_flags_set(vma, VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_ops = &vbar_mmap_ops;
	return 0;
}
