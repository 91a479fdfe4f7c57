/* mmap-slab-or-uninit-exposure (good): the GFP mask is built in a local (with __GFP_ZERO) or passed in by the caller (unknown): neither is reported. */
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/fs.h>

#define QP_ORDER		2
#define QP_BYTES		(PAGE_SIZE << QP_ORDER)

struct qp_bufs {
	void *sq;
	void *rq;
	bool atomic_ctx;
};

static int qp_alloc_sq(struct qp_bufs *qb)
{
	gfp_t gfp = GFP_KERNEL | __GFP_ZERO;

	if (qb->atomic_ctx)
		gfp = GFP_ATOMIC | __GFP_ZERO;
	qb->sq = (void *)__get_free_pages(gfp, QP_ORDER);
	return qb->sq ? 0 : -ENOMEM;
}

static int qp_alloc_rq(struct qp_bufs *qb, gfp_t gfp)
{
	qb->rq = (void *)__get_free_pages(gfp, QP_ORDER);
	return qb->rq ? 0 : -ENOMEM;
}

static int qp_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct qp_bufs *qb = file->private_data;
	unsigned long npages = QP_BYTES >> PAGE_SHIFT;
	void *base;

	if (vma->vm_end - vma->vm_start != QP_BYTES)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff == 0)
		base = qb->sq;
	else if (vma->vm_pgoff == npages)
		base = qb->rq;
	else
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, virt_to_phys(base) >> PAGE_SHIFT,
			       QP_BYTES, vma->vm_page_prot);
}

static const struct file_operations qp_fops = {
	.owner = THIS_MODULE,
	.mmap = qp_mmap,
};
