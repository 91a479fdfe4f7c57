/* mmap-range-unchecked (good): vmalloc_user() + remap_vmalloc_range(): the kernel bounds vm_pgoff and the size by the vmalloc area itself. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>

#define LOG_RING_BYTES	(256 * 1024)

struct log_ring {
	void *buf;
};

static int log_ring_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct log_ring *lr = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	vma->vm_flags &= ~VM_MAYWRITE;

	return remap_vmalloc_range(vma, lr->buf, vma->vm_pgoff);
}

static const struct file_operations log_ring_fops = {
	.owner = THIS_MODULE,
	.mmap = log_ring_mmap,
};

static int log_ring_init(struct log_ring *lr)
{
	lr->buf = vmalloc_user(LOG_RING_BYTES);
	if (!lr->buf)
		return -ENOMEM;
	return 0;
}
