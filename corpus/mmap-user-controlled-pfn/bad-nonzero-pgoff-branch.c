/* mmap-user-controlled-pfn (bad): bnxt_re-style: a non-zero offset is taken to be the doorbell page's PFN and mapped as is; testing vm_pgoff for zero only picks the branch, it bounds nothing. */
#include <linux/mm.h>
#include <rdma/ib_verbs.h>

struct nic_ucontext {
	struct ib_ucontext ib_uctx;
	void *shpg;
};

int nic_mmap(struct ib_ucontext *ib_uctx, struct vm_area_struct *vma)
{
	struct nic_ucontext *uctx = container_of(ib_uctx, struct nic_ucontext, ib_uctx);
	u64 pfn;

	if (vma->vm_end - vma->vm_start != PAGE_SIZE)
		return -EINVAL;

	if (vma->vm_pgoff) {
		vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
		/* expect-warning@+1 mmap-user-controlled-pfn */
		if (io_remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff,
				       PAGE_SIZE, vma->vm_page_prot))
			return -EAGAIN;
	} else {
		pfn = virt_to_phys(uctx->shpg) >> PAGE_SHIFT;
		if (remap_pfn_range(vma, vma->vm_start, pfn, PAGE_SIZE, vma->vm_page_prot))
			return -EAGAIN;
	}
	return 0;
}
