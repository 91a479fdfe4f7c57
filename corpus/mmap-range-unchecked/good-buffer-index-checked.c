/* mmap-range-unchecked (good): vm_pgoff selects one of the capture buffers; the index is compared with the number of buffers and the size with the chosen buffer before its pages are inserted. */
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>

#define GRAB_NBUFS	4

struct grab_buf {
	struct page **pages;
	unsigned long npages;
};

struct grab_dev {
	struct grab_buf bufs[GRAB_NBUFS];
	unsigned int nbufs;
};

static int grab_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct grab_dev *gd = file->private_data;
	unsigned long idx = vma->vm_pgoff;
	struct grab_buf *buf;
	unsigned long i;
	int ret;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (idx >= gd->nbufs)
		return -EINVAL;
	buf = &gd->bufs[idx];
	if (vma_pages(vma) > buf->npages)
		return -EINVAL;

	for (i = 0; i < vma_pages(vma); i++) {
		ret = vm_insert_page(vma, vma->vm_start + i * PAGE_SIZE, buf->pages[i]);
		if (ret)
			return ret;
	}
	return 0;
}

static const struct file_operations grab_fops = {
	.owner = THIS_MODULE,
	.mmap = grab_mmap,
};
