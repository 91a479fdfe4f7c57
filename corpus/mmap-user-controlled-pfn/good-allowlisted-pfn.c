/* mmap-user-controlled-pfn (good): ocrdma-style: the offset names a doorbell page the driver handed out earlier; it is looked up in the context's list of mappable pages before it is mapped. */
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/slab.h>

struct hca_mm {
	struct list_head entry;
	u64 phy_addr;
	unsigned long len;
};

struct hca_ucontext {
	struct list_head mm_head;
	struct mutex mm_list_lock;
};

static bool hca_search_mmap(struct hca_ucontext *uctx, u64 phy_addr, unsigned long len)
{
	struct hca_mm *mm;
	bool found = false;

	mutex_lock(&uctx->mm_list_lock);
	list_for_each_entry(mm, &uctx->mm_head, entry) {
		if (len != mm->len || phy_addr != mm->phy_addr)
			continue;
		found = true;
		break;
	}
	mutex_unlock(&uctx->mm_list_lock);
	return found;
}

static int hca_mmap(struct hca_ucontext *uctx, struct vm_area_struct *vma)
{
	unsigned long len = vma->vm_end - vma->vm_start;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (!hca_search_mmap(uctx, vma->vm_pgoff << PAGE_SHIFT, len))
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return io_remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff, len, vma->vm_page_prot);
}
