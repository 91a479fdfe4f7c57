/* fault-range-unchecked: two backing regions, each with its own size; every path to vmf_insert_pfn() passes one of the two checks. */
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
	struct mutex status_mutex;
};

#define AFU_MODE_DEDICATED	1

static vm_fault_t afu_mmap_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct afu_ctx *ctx = vma->vm_file->private_data;
	u64 area, offset;
	vm_fault_t ret;

	offset = vmf->pgoff << PAGE_SHIFT;

	if (ctx->afu->mode == AFU_MODE_DEDICATED) {
		area = ctx->afu->psn_phys;
		if (offset >= ctx->afu->ps_size)
			return VM_FAULT_SIGBUS;
	} else {
		area = ctx->psn_phys;
		if (offset >= ctx->psn_size)
			return VM_FAULT_SIGBUS;
	}

	mutex_lock(&ctx->status_mutex);
	ret = vmf_insert_pfn(vma, vmf->address, (area + offset) >> PAGE_SHIFT);
	mutex_unlock(&ctx->status_mutex);

	return ret;
}

static const struct vm_operations_struct afu_mmap_vmops = {
	.fault = afu_mmap_fault,
};
