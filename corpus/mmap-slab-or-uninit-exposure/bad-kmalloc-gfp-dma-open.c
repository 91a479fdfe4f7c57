/* mmap-slab-or-uninit-exposure: (S1 style) open() kmallocs a DMA buffer that mmap() hands to user space with remap_pfn_range(virt_to_phys(buf) >> PAGE_SHIFT). */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/fs.h>

#define SCAN_BUF_SIZE		(PAGE_SIZE - 0x10)

struct scan_file {
	void *buf;
	size_t size;
	int irq;
};

static int scan_open(struct inode *inode, struct file *file)
{
	struct scan_file *sf = kzalloc(sizeof(*sf), GFP_KERNEL);

	if (!sf)
		return -ENOMEM;
	sf->size = SCAN_BUF_SIZE;
	sf->buf = kmalloc(sf->size, GFP_KERNEL | GFP_DMA); /* expect-warning mmap-slab-or-uninit-exposure */
	if (!sf->buf) {
		kfree(sf);
		return -ENOMEM;
	}
	file->private_data = sf;
	return 0;
}

static int scan_release(struct inode *inode, struct file *file)
{
	struct scan_file *sf = file->private_data;

	kfree(sf->buf);
	kfree(sf);
	return 0;
}

static int scan_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct scan_file *sf = file->private_data;

	if (vma->vm_pgoff || vma->vm_end - vma->vm_start > PAGE_ALIGN(sf->size))
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, virt_to_phys(sf->buf) >> PAGE_SHIFT,
			       PAGE_ALIGN(sf->size), vma->vm_page_prot);
}

static const struct file_operations scan_fops = {
	.owner = THIS_MODULE,
	.open = scan_open,
	.release = scan_release,
	.mmap = scan_mmap,
};
