/* fault-page-refcount: usbmon-style chunked ring: the byte offset is checked under the ring lock, the chunk page gets get_page() before it is handed over. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/spinlock.h>

#define CHUNK_SIZE	PAGE_SIZE

struct mon_pgmap {
	struct page *pg;
	unsigned char *ptr;
};

struct mon_reader {
	spinlock_t b_lock;
	unsigned int b_size;
	struct mon_pgmap *b_vec;
	int mmap_active;
};

static vm_fault_t mon_vma_fault(struct vm_fault *vmf)
{
	struct mon_reader *rp = vmf->vma->vm_private_data;
	unsigned long offset, chunk_idx;
	struct page *pageptr;
	unsigned long flags;

	spin_lock_irqsave(&rp->b_lock, flags);
	offset = vmf->pgoff << PAGE_SHIFT;
	if (offset >= rp->b_size) {
		spin_unlock_irqrestore(&rp->b_lock, flags);
		return VM_FAULT_SIGBUS;
	}
	chunk_idx = offset / CHUNK_SIZE;
	pageptr = rp->b_vec[chunk_idx].pg;
	get_page(pageptr);
	vmf->page = pageptr;
	spin_unlock_irqrestore(&rp->b_lock, flags);
	return 0;
}

static void mon_vma_open(struct vm_area_struct *vma)
{
	struct mon_reader *rp = vma->vm_private_data;
	unsigned long flags;

	spin_lock_irqsave(&rp->b_lock, flags);
	rp->mmap_active++;
	spin_unlock_irqrestore(&rp->b_lock, flags);
}

static void mon_vma_close(struct vm_area_struct *vma)
{
	struct mon_reader *rp = vma->vm_private_data;
	unsigned long flags;

	spin_lock_irqsave(&rp->b_lock, flags);
	rp->mmap_active--;
	spin_unlock_irqrestore(&rp->b_lock, flags);
}

static const struct vm_operations_struct mon_vm_ops = {
	.open = mon_vma_open,
	.close = mon_vma_close,
	.fault = mon_vma_fault,
};

static int mon_mmap(struct file *filp, struct vm_area_struct *vma)
{
	vma->vm_ops = &mon_vm_ops;
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	vm_flags_mod(vma, VM_DONTEXPAND | VM_DONTDUMP, VM_MAYWRITE);
	vma->vm_private_data = filp->private_data;
	mon_vma_open(vma);
	return 0;
}
