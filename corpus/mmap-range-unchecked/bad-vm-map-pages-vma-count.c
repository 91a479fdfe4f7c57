/* mmap-range-unchecked (bad): vm_map_pages() bounds the request by the page count it is given, but the driver passes the VMA's own page count, so the check compares the VMA with itself and the walk runs past the page array. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

struct trace_buf {
	struct page **pages;
	unsigned long nr_pages;
};

static int trace_buf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct trace_buf *tb = file->private_data;
	unsigned long npages = vma_pages(vma);

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	vma->vm_flags &= ~VM_MAYWRITE;

	/* expect-warning@+1 mmap-range-unchecked */
	return vm_map_pages_zero(vma, tb->pages, npages);
}

static const struct file_operations trace_buf_fops = {
	.owner = THIS_MODULE,
	.mmap = trace_buf_mmap,
};
