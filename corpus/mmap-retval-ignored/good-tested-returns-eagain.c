/* Xen-style shared ring page: "if (remap_pfn_range(...)) return -EAGAIN;" propagates the failure. */
#include <linux/fs.h>
#include <linux/mm.h>

struct ring_dev {
	void *ring;              /* get_zeroed_page() */
	struct mutex lock;
};

static int ring_open(struct inode *inode, struct file *file)
{
	struct ring_dev *rd = kzalloc(sizeof(*rd), GFP_KERNEL);

	if (!rd)
		return -ENOMEM;
	rd->ring = (void *)get_zeroed_page(GFP_KERNEL);
	if (!rd->ring) {
		kfree(rd);
		return -ENOMEM;
	}
	mutex_init(&rd->lock);
	file->private_data = rd;
	return 0;
}

static int ring_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct ring_dev *rd = file->private_data;
	size_t size = vma->vm_end - vma->vm_start;

	if (size != PAGE_SIZE || vma->vm_pgoff != 0)
		return -EINVAL;

	if (remap_pfn_range(vma, vma->vm_start, virt_to_pfn(rd->ring), size, vma->vm_page_prot))
		return -EAGAIN;

	return 0;
}

static const struct file_operations ring_fops = {
	.owner = THIS_MODULE,
	.open = ring_open,
	.mmap = ring_mmap,
};
