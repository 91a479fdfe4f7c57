/* Camera frame pool: the loop stops at the first failed vm_insert_page(), then the handler returns 0 anyway. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct frame_pool {
	struct device *dev;
	struct page **pages;
	unsigned int npages;
};

static int fpool_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct frame_pool *fp = file->private_data;
	unsigned long addr = vma->vm_start;
	unsigned int i;
	int err;

	if (vma->vm_pgoff >= fp->npages || vma_pages(vma) > fp->npages - vma->vm_pgoff)
		return -EINVAL;

	for (i = 0; i < vma_pages(vma); i++) {
		err = vm_insert_page(vma, addr, fp->pages[vma->vm_pgoff + i]); /* expect-warning mmap-retval-ignored */
		if (err) {
			dev_warn(fp->dev, "frame pool: insert failed at page %u\n", i);
			break;
		}
		addr += PAGE_SIZE;
	}
	return 0;
}

static const struct file_operations fpool_fops = {
	.owner = THIS_MODULE,
	.mmap = fpool_mmap,
};
