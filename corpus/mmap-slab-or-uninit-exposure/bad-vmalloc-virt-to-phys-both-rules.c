/* mmap-slab-or-uninit-exposure + mmap-kernel-ram-wrong-method: a plain vmalloc() buffer is neither zeroed nor mapped with a vmalloc method; each rule reports its own line. */
#include <linux/module.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/fs.h>

#define DBG_LOG_BYTES		SZ_256K

struct dbg_log {
	char *text;
	size_t len;
	size_t head;
	spinlock_t lock;
};

static int dbg_log_open(struct inode *inode, struct file *file)
{
	struct dbg_log *dl = kzalloc(sizeof(*dl), GFP_KERNEL);

	if (!dl)
		return -ENOMEM;
	dl->len = DBG_LOG_BYTES;
	dl->text = vmalloc(dl->len); /* expect-warning mmap-slab-or-uninit-exposure */
	if (!dl->text) {
		kfree(dl);
		return -ENOMEM;
	}
	spin_lock_init(&dl->lock);
	file->private_data = dl;
	return 0;
}

static int dbg_log_release(struct inode *inode, struct file *file)
{
	struct dbg_log *dl = file->private_data;

	vfree(dl->text);
	kfree(dl);
	return 0;
}

static int dbg_log_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct dbg_log *dl = file->private_data;
	unsigned long size = vma->vm_end - vma->vm_start;

	if (vma->vm_pgoff || size > dl->len)
		return -EINVAL;
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	vm_flags_clear(vma, VM_MAYWRITE);
	return remap_pfn_range(vma, vma->vm_start, virt_to_phys(dl->text) >> PAGE_SHIFT, /* expect-warning mmap-kernel-ram-wrong-method */
			       size, vma->vm_page_prot);
}

static const struct file_operations dbg_log_fops = {
	.owner = THIS_MODULE,
	.open = dbg_log_open,
	.release = dbg_log_release,
	.mmap = dbg_log_mmap,
};
