/* Trace buffer: remap_vmalloc_range() failure is logged, but the mmap still returns 0. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>

struct trc_buf {
	struct device *dev;
	void *vaddr;
	size_t size;
};

static int trc_open(struct inode *inode, struct file *file)
{
	struct trc_buf *tb = kzalloc(sizeof(*tb), GFP_KERNEL);

	if (!tb)
		return -ENOMEM;
	tb->size = 4 * PAGE_SIZE;
	tb->vaddr = vmalloc_user(tb->size);
	if (!tb->vaddr) {
		kfree(tb);
		return -ENOMEM;
	}
	file->private_data = tb;
	return 0;
}

static int trc_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct trc_buf *tb = file->private_data;

	if (remap_vmalloc_range(vma, tb->vaddr, vma->vm_pgoff)) /* expect-warning mmap-retval-ignored */
		dev_err(tb->dev, "trace: cannot map %zu bytes\n", tb->size);

	return 0;
}

static int trc_release(struct inode *inode, struct file *file)
{
	struct trc_buf *tb = file->private_data;

	vfree(tb->vaddr);
	kfree(tb);
	return 0;
}

static const struct file_operations trc_fops = {
	.owner = THIS_MODULE,
	.open = trc_open,
	.mmap = trc_mmap,
	.release = trc_release,
};
