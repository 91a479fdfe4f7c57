/* fault-range-unchecked: the byte offset derived from vmf->pgoff is checked against the ring size under the ring lock; the chunk index computed from it afterwards is in range. */
#include <linux/fs.h>
#include <linux/mm.h>

#define RB_CHUNK	PAGE_SIZE

struct rb_chunk {
	struct page *pg;
	void *va;
};

struct rb_reader {
	spinlock_t lock;
	unsigned int size;
	struct rb_chunk *vec;
};

static vm_fault_t rb_vma_fault(struct vm_fault *vmf)
{
	struct rb_reader *rp = vmf->vma->vm_private_data;
	unsigned long offset, chunk_idx;
	struct page *pageptr;
	unsigned long flags;

	spin_lock_irqsave(&rp->lock, flags);
	offset = vmf->pgoff << PAGE_SHIFT;
	if (offset >= rp->size) {
		spin_unlock_irqrestore(&rp->lock, flags);
		return VM_FAULT_SIGBUS;
	}
	chunk_idx = offset / RB_CHUNK;
	pageptr = rp->vec[chunk_idx].pg;
	get_page(pageptr);
	vmf->page = pageptr;
	spin_unlock_irqrestore(&rp->lock, flags);
	return 0;
}

static const struct vm_operations_struct rb_vm_ops = {
	.fault = rb_vma_fault,
};
