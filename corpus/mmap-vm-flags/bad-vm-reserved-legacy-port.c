/* LDD3-era driver ported forward: VM_RESERVED (removed in 3.7) is still ORed into vm_flags. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct simple_dev {
	void *buf;                 /* get_zeroed_page() */
	struct mutex lock;
};

static void simple_vma_open(struct vm_area_struct *vma)
{
	pr_debug("simple VMA open, virt %lx\n", vma->vm_start);
}

static void simple_vma_close(struct vm_area_struct *vma)
{
	pr_debug("simple VMA close\n");
}

static const struct vm_operations_struct simple_remap_vm_ops = {
	.open = simple_vma_open,
	.close = simple_vma_close,
};

static int simple_remap_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct simple_dev *sd = filp->private_data;
	int ret;

	if (vma->vm_pgoff || vma->vm_end - vma->vm_start != PAGE_SIZE)
		return -EINVAL;

	vma->vm_flags |= VM_IO | VM_RESERVED; /* expect-warning mmap-vm-flags */
	ret = remap_pfn_range(vma, vma->vm_start, virt_to_phys(sd->buf) >> PAGE_SHIFT,
			      PAGE_SIZE, vma->vm_page_prot);
	if (ret)
		return -EAGAIN;
	vma->vm_ops = &simple_remap_vm_ops;
	simple_vma_open(vma);
	return 0;
}

static int simple_open(struct inode *inode, struct file *filp)
{
	struct simple_dev *sd = kzalloc(sizeof(*sd), GFP_KERNEL);

	if (!sd)
		return -ENOMEM;
	sd->buf = (void *)get_zeroed_page(GFP_KERNEL);
	if (!sd->buf) {
		kfree(sd);
		return -ENOMEM;
	}
	filp->private_data = sd;
	return 0;
}

static const struct file_operations simple_remap_ops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.mmap = simple_remap_mmap,
};
