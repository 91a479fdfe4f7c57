/* fault-range-unchecked: two backing regions; the dedicated-mode path is bounded, the shared-mode path forgets the test before inserting the PFN. */
#include <linux/fs.h>
#include <linux/mm.h>

struct afu {
	phys_addr_t psn_phys;
	u64 ps_size;
	int mode;
};

struct afu_ctx {
	struct afu *afu;
	phys_addr_t psn_phys;
	u64 psn_size;
};

#define AFU_MODE_DEDICATED	1

static vm_fault_t afu_mmap_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct afu_ctx *ctx = vma->vm_file->private_data;
	u64 area, offset;

	offset = vmf->pgoff << PAGE_SHIFT;

	if (ctx->afu->mode == AFU_MODE_DEDICATED) {
		area = ctx->afu->psn_phys;
		if (offset >= ctx->afu->ps_size)
			return VM_FAULT_SIGBUS;
	} else {
		area = ctx->psn_phys;
	}

	return vmf_insert_pfn(vma, vmf->address, (area + offset) >> PAGE_SHIFT);	/* expect-warning fault-range-unchecked */
}

static const struct vm_operations_struct afu_mmap_vmops = {
	.fault = afu_mmap_fault,
};

int afu_ctx_iomap(struct afu_ctx *ctx, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_IO | VM_PFNMAP);
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vma->vm_ops = &afu_mmap_vmops;
	return 0;
}
