/* mmap-pfn-unit-confusion (good): the handler picks the queue page by vm_pgoff itself, then sets vm_pgoff to 0 before dma_mmap_coherent(), so the offset is counted once. */
#include <linux/dma-mapping.h>
#include <linux/fs.h>
#include <linux/mm.h>

#define QP_PAGES	8

struct qp_mem {
	struct device *dev;
	void *va;
	dma_addr_t dma;
	size_t size;
};

static int qp_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct qp_mem *qp = file->private_data;
	unsigned long off = vma->vm_pgoff << PAGE_SHIFT;
	unsigned long sz = vma->vm_end - vma->vm_start;
	unsigned long saved = vma->vm_pgoff;
	int ret;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (off >= qp->size || sz > qp->size - off)
		return -EINVAL;

	vma->vm_pgoff = 0;
	ret = dma_mmap_coherent(qp->dev, vma, qp->va + off, qp->dma + off, sz);
	vma->vm_pgoff = saved;
	return ret;
}

static int qp_alloc(struct qp_mem *qp)
{
	qp->size = QP_PAGES * PAGE_SIZE;
	qp->va = dma_alloc_coherent(qp->dev, qp->size, &qp->dma, GFP_KERNEL);
	return qp->va ? 0 : -ENOMEM;
}

static const struct file_operations qp_fops = {
	.owner = THIS_MODULE,
	.mmap = qp_mmap,
};
