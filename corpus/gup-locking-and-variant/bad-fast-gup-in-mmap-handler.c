/* An f_op->mmap handler runs under mmap_write_lock(); pinning the "template" buffer there with the _unlocked variant deadlocks. */
#include <linux/fs.h>
#include <linux/mm.h>

struct shm_ctx {
	unsigned long template_uaddr;
	struct page *template_page;
	void *vaddr;
};

static int shm_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct shm_ctx *ctx = file->private_data;
	long ret;

	if (vma->vm_end - vma->vm_start != PAGE_SIZE)
		return -EINVAL;

	if (!ctx->template_page) {
		ret = get_user_pages_unlocked(ctx->template_uaddr, 1, &ctx->template_page, 0); /* expect-warning gup-locking-and-variant */
		if (ret != 1)
			return ret < 0 ? ret : -EFAULT;
	}
	return vm_insert_page(vma, vma->vm_start, virt_to_page(ctx->vaddr));
}

static const struct file_operations shm_fops = {
	.owner = THIS_MODULE,
	.mmap = shm_mmap,
};
