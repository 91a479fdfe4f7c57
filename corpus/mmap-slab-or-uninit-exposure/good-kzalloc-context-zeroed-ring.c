/* mmap-slab-or-uninit-exposure (good): the kzalloc()'d context is only kernel bookkeeping; what mmap() exports is a separate get_zeroed_page() ring. */
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/fs.h>

struct nt_ring_hdr {
	__u32 prod;
	__u32 cons;
};

struct nt_ctx {
	struct nt_ring_hdr *ring;
	struct list_head pending;
	struct mutex lock;
	u32 seq;
};

static int nt_open(struct inode *inode, struct file *file)
{
	struct nt_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return -ENOMEM;
	ctx->ring = (struct nt_ring_hdr *)get_zeroed_page(GFP_KERNEL);
	if (!ctx->ring) {
		kfree(ctx);
		return -ENOMEM;
	}
	INIT_LIST_HEAD(&ctx->pending);
	mutex_init(&ctx->lock);
	file->private_data = ctx;
	return 0;
}

static int nt_release(struct inode *inode, struct file *file)
{
	struct nt_ctx *ctx = file->private_data;

	free_page((unsigned long)ctx->ring);
	kfree(ctx);
	return 0;
}

static int nt_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct nt_ctx *ctx = file->private_data;

	if (vma->vm_pgoff || vma->vm_end - vma->vm_start != PAGE_SIZE)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	vma->vm_private_data = ctx;
	return vm_insert_page(vma, vma->vm_start, virt_to_page(ctx->ring));
}

static const struct file_operations nt_fops = {
	.owner = THIS_MODULE,
	.open = nt_open,
	.release = nt_release,
	.mmap = nt_mmap,
};
