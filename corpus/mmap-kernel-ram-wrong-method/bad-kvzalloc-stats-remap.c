/* mmap-kernel-ram-wrong-method: per-queue statistics from kvzalloc() (vmalloc memory when large) are exported with remap_pfn_range(page_to_pfn(virt_to_page())). */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/fs.h>

#define NQ_MAX_QUEUES		1024

struct nq_stat {
	u64 packets;
	u64 bytes;
	u64 drops;
	u64 pad[5];
};

struct nq_dev {
	struct device *dev;
	struct nq_stat *stats;
	size_t stats_len;
	unsigned int nqueues;
};

static int nq_alloc_stats(struct nq_dev *nq, unsigned int nqueues)
{
	if (!nqueues || nqueues > NQ_MAX_QUEUES)
		return -EINVAL;
	nq->stats_len = PAGE_ALIGN(nqueues * sizeof(struct nq_stat));
	nq->stats = kvzalloc(nq->stats_len, GFP_KERNEL);
	if (!nq->stats)
		return -ENOMEM;
	nq->nqueues = nqueues;
	return 0;
}

static int nq_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct nq_dev *nq = file->private_data;
	unsigned long len = vma->vm_end - vma->vm_start;

	if (vma->vm_pgoff || len > nq->stats_len)
		return -EINVAL;
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	vm_flags_clear(vma, VM_MAYWRITE);

	return remap_pfn_range(vma, vma->vm_start, /* expect-warning mmap-kernel-ram-wrong-method */
			       page_to_pfn(virt_to_page(nq->stats)), len,
			       vma->vm_page_prot);
}

static const struct file_operations nq_fops = {
	.owner = THIS_MODULE,
	.mmap = nq_mmap,
};
