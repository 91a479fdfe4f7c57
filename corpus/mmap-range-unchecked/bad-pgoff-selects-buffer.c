/* mmap-range-unchecked (bad): vm_pgoff picks one of the capture buffers and is used as an array index without a bound; the size is checked, the index is not. */
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define CAP_NBUFS	8
#define CAP_BUF_ORDER	4

struct cap_buf {
	struct page *pages;
	size_t size;
};

struct cap_dev {
	struct cap_buf bufs[CAP_NBUFS];
	unsigned int nbufs;
};

static int cap_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct cap_dev *cap = file->private_data;
	unsigned long size = vma->vm_end - vma->vm_start;
	struct cap_buf *buf;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	buf = &cap->bufs[vma->vm_pgoff];
	if (size > buf->size)
		return -EINVAL;

	/* expect-warning@+1 mmap-range-unchecked */
	return remap_pfn_range(vma, vma->vm_start, page_to_pfn(buf->pages), size,
			       vma->vm_page_prot);
}

static int cap_alloc_bufs(struct cap_dev *cap)
{
	unsigned int i;

	for (i = 0; i < CAP_NBUFS; i++) {
		cap->bufs[i].pages = alloc_pages(GFP_KERNEL | __GFP_ZERO, CAP_BUF_ORDER);
		if (!cap->bufs[i].pages)
			break;
		cap->bufs[i].size = PAGE_SIZE << CAP_BUF_ORDER;
	}
	cap->nbufs = i;
	return i ? 0 : -ENOMEM;
}

static const struct file_operations cap_fops = {
	.owner = THIS_MODULE,
	.mmap = cap_mmap,
};
