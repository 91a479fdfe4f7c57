/* mmap-slab-or-uninit-exposure: a completion ring from __get_free_pages(GFP_KERNEL) is never cleared, and mmap() exposes its stale contents. */
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/fs.h>

#define CQ_ORDER		3
#define CQ_BYTES		(PAGE_SIZE << CQ_ORDER)

struct cq_ctx {
	struct device *dev;
	void *ring;
	unsigned int head;
	unsigned int mask;
};

static int cq_ctx_init(struct cq_ctx *ctx)
{
	ctx->ring = (void *)__get_free_pages(GFP_KERNEL, CQ_ORDER); /* expect-warning mmap-slab-or-uninit-exposure */
	if (!ctx->ring)
		return -ENOMEM;
	ctx->head = 0;
	ctx->mask = CQ_BYTES / 64 - 1;
	return 0;
}

static int cq_open(struct inode *inode, struct file *file)
{
	struct cq_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	int ret;

	if (!ctx)
		return -ENOMEM;
	ret = cq_ctx_init(ctx);
	if (ret) {
		kfree(ctx);
		return ret;
	}
	file->private_data = ctx;
	return 0;
}

static int cq_release(struct inode *inode, struct file *file)
{
	struct cq_ctx *ctx = file->private_data;

	free_pages((unsigned long)ctx->ring, CQ_ORDER);
	kfree(ctx);
	return 0;
}

static int cq_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct cq_ctx *ctx = file->private_data;
	unsigned long npages = CQ_BYTES >> PAGE_SHIFT;

	if (vma->vm_pgoff >= npages || vma_pages(vma) > npages - vma->vm_pgoff)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start,
			       page_to_pfn(virt_to_page(ctx->ring)) + vma->vm_pgoff,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static const struct file_operations cq_fops = {
	.owner = THIS_MODULE,
	.open = cq_open,
	.release = cq_release,
	.mmap = cq_mmap,
};
