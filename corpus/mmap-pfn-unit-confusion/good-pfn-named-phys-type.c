/* mmap-pfn-unit-confusion (good): mlx5-style: the variable is declared phys_addr_t but holds the PFN a helper computed for it (uar_index2pfn()); it is used as a PFN, correctly. */
#include <linux/mm.h>
#include <rdma/ib_verbs.h>

struct uar_ctx {
	struct ib_ucontext ibucontext;
	u64 bar_pfn;
	u32 uars_per_page;
};

static phys_addr_t uar_index2pfn(struct uar_ctx *ctx, u32 index)
{
	return ctx->bar_pfn + index / ctx->uars_per_page;
}

static int uar_mmap(struct uar_ctx *ctx, struct vm_area_struct *vma, u32 uar_index)
{
	phys_addr_t pfn;

	if (vma->vm_end - vma->vm_start != PAGE_SIZE)
		return -EINVAL;

	pfn = uar_index2pfn(ctx, uar_index);
	return rdma_user_mmap_io(&ctx->ibucontext, vma, pfn, PAGE_SIZE,
				 pgprot_writecombine(vma->vm_page_prot), NULL);
}
