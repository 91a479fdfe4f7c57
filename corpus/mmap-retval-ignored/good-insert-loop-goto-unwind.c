/* Page-array export: each vm_insert_page() failure jumps to a label that returns the error. */
#include <linux/fs.h>
#include <linux/mm.h>

struct pg_export {
	struct page **pages;
	unsigned int npages;
	struct mutex lock;
};

static int pgx_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct pg_export *px = file->private_data;
	unsigned long uaddr = vma->vm_start;
	unsigned int i;
	int ret = 0;

	if (vma->vm_pgoff >= px->npages || vma_pages(vma) > px->npages - vma->vm_pgoff)
		return -EINVAL;

	mutex_lock(&px->lock);
	for (i = 0; i < vma_pages(vma); i++) {
		ret = vm_insert_page(vma, uaddr, px->pages[vma->vm_pgoff + i]);
		if (ret)
			goto out_unlock;
		uaddr += PAGE_SIZE;
	}
out_unlock:
	mutex_unlock(&px->lock);
	return ret;
}

static const struct file_operations pgx_fops = {
	.owner = THIS_MODULE,
	.mmap = pgx_mmap,
};
