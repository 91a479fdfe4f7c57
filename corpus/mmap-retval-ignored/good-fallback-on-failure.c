/* Buffer exported with vm_map_pages(), falling back to a per-page loop; both paths report their error. */
#include <linux/fs.h>
#include <linux/mm.h>

struct xbuf {
	struct page **pages;
	unsigned long npages;
	bool contiguous;
};

static int xbuf_insert_each(struct xbuf *xb, struct vm_area_struct *vma)
{
	unsigned long addr = vma->vm_start;
	unsigned long i;
	int rc;

	for (i = 0; i < xb->npages && addr < vma->vm_end; i++, addr += PAGE_SIZE) {
		rc = vm_insert_page(vma, addr, xb->pages[i]);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static int xbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct xbuf *xb = file->private_data;
	int rc;

	if (vma->vm_pgoff || vma_pages(vma) > xb->npages)
		return -EINVAL;
	if (xb->contiguous) {
		rc = vm_map_pages(vma, xb->pages, xb->npages);
		if (!rc)
			return 0;
		/* the page array may be sparse: retry page by page */
		rc = xbuf_insert_each(xb, vma);
		if (rc)
			return rc;
		return 0;
	}
	return xbuf_insert_each(xb, vma);
}

static const struct file_operations xbuf_fops = {
	.owner = THIS_MODULE,
	.mmap = xbuf_mmap,
};
