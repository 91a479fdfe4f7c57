/* Capture ring exported page by page: vm_insert_page() results are ignored inside the loop. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define CAP_RING_PAGES 16

struct cap_ring {
	struct page *pages[CAP_RING_PAGES];
	struct mutex lock;
};

static int cap_ring_alloc(struct cap_ring *r)
{
	int i;

	for (i = 0; i < CAP_RING_PAGES; i++) {
		r->pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!r->pages[i])
			goto err;
	}
	return 0;
err:
	while (--i >= 0)
		__free_page(r->pages[i]);
	return -ENOMEM;
}

static int cap_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct cap_ring *r = file->private_data;
	unsigned long uaddr = vma->vm_start;
	unsigned long i;

	if (vma->vm_pgoff || vma_pages(vma) > CAP_RING_PAGES)
		return -EINVAL;

	mutex_lock(&r->lock);
	for (i = 0; i < vma_pages(vma); i++) {
		vm_insert_page(vma, uaddr, r->pages[i]); /* expect-warning mmap-retval-ignored */
		uaddr += PAGE_SIZE;
	}
	mutex_unlock(&r->lock);
	return 0;
}

static const struct file_operations cap_fops = {
	.owner = THIS_MODULE,
	.mmap = cap_mmap,
};
