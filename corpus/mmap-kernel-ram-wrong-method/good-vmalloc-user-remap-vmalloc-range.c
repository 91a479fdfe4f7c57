/* mmap-kernel-ram-wrong-method (good): a per-open event ring from vmalloc_user() is mapped with remap_vmalloc_range(), the method made for it. */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/mm.h>

#define EVR_PAGES		32

struct evr_hdr {
	__u32 head;
	__u32 tail;
	__u32 mask;
	__u32 flags;
};

struct evr_file {
	struct evr_hdr *ring;
	size_t ring_len;
	spinlock_t lock;
};

static int evr_open(struct inode *inode, struct file *file)
{
	struct evr_file *ef;

	ef = kzalloc(sizeof(*ef), GFP_KERNEL);
	if (!ef)
		return -ENOMEM;
	ef->ring_len = EVR_PAGES * PAGE_SIZE;
	ef->ring = vmalloc_user(ef->ring_len);
	if (!ef->ring) {
		kfree(ef);
		return -ENOMEM;
	}
	ef->ring->mask = (ef->ring_len - sizeof(struct evr_hdr)) / sizeof(__u64) - 1;
	spin_lock_init(&ef->lock);
	file->private_data = ef;
	return 0;
}

static int evr_release(struct inode *inode, struct file *file)
{
	struct evr_file *ef = file->private_data;

	vfree(ef->ring);
	kfree(ef);
	return 0;
}

static int evr_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct evr_file *ef = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	/* checks vm_pgoff and the length against the area itself */
	return remap_vmalloc_range(vma, ef->ring, vma->vm_pgoff);
}

static const struct file_operations evr_fops = {
	.owner = THIS_MODULE,
	.open = evr_open,
	.release = evr_release,
	.mmap = evr_mmap,
};

static struct miscdevice evr_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "evr",
	.fops = &evr_fops,
};
module_misc_device(evr_misc);
