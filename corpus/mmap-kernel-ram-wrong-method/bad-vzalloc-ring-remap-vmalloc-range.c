/* mmap-kernel-ram-wrong-method: a shared completion ring from vzalloc() is mapped with remap_vmalloc_range(), which needs VM_USERMAP (vmalloc_user()). */
#include <linux/module.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/slab.h>

#define XQ_RING_ENTRIES		4096

struct xq_cqe {
	__u64 user_data;
	__s32 res;
	__u32 flags;
};

struct xq_ring {
	struct xq_cqe *cqes;
	size_t bytes;
	unsigned int head, tail;
	spinlock_t lock;
};

struct xq_ctx {
	struct xq_ring ring;
	struct device *dev;
};

static int xq_ring_init(struct xq_ring *ring)
{
	ring->bytes = PAGE_ALIGN(XQ_RING_ENTRIES * sizeof(struct xq_cqe));
	ring->cqes = vzalloc(ring->bytes);
	if (!ring->cqes)
		return -ENOMEM;
	ring->head = 0;
	ring->tail = 0;
	spin_lock_init(&ring->lock);
	return 0;
}

static int xq_open(struct inode *inode, struct file *file)
{
	struct xq_ctx *ctx;
	int ret;

	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	ret = xq_ring_init(&ctx->ring);
	if (ret) {
		kfree(ctx);
		return ret;
	}
	file->private_data = ctx;
	return 0;
}

static int xq_release(struct inode *inode, struct file *file)
{
	struct xq_ctx *ctx = file->private_data;

	vfree(ctx->ring.cqes);
	kfree(ctx);
	return 0;
}

static int xq_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct xq_ctx *ctx = file->private_data;

	if (vma->vm_end - vma->vm_start > ctx->ring.bytes)
		return -EINVAL;
	return remap_vmalloc_range(vma, ctx->ring.cqes, vma->vm_pgoff); /* expect-warning mmap-kernel-ram-wrong-method */
}

static const struct file_operations xq_fops = {
	.owner = THIS_MODULE,
	.open = xq_open,
	.release = xq_release,
	.mmap = xq_mmap,
};
