/* mmap-user-controlled-pfn (bad): the textbook xxx_mmap (S3 code 11.6, S4): vm_pgoff passed straight through as the PFN of a noncached mapping. */
#include <linux/cdev.h>
#include <linux/fs.h>
#include <linux/mm.h>

struct xxx_dev {
	struct cdev cdev;
	unsigned char mem[4096];
};

static int xxx_open(struct inode *inode, struct file *filp)
{
	filp->private_data = container_of(inode->i_cdev, struct xxx_dev, cdev);
	return 0;
}

static int xxx_mmap(struct file *filp, struct vm_area_struct *vma)
{
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	/* expect-warning@+1 mmap-user-controlled-pfn */
	if (io_remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot))
		return -EAGAIN;
	return 0;
}

static const struct file_operations xxx_fops = {
	.owner = THIS_MODULE,
	.open = xxx_open,
	.mmap = xxx_mmap,
};
