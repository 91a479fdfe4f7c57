/* addr-linear-only-conversion (good): a page array for vm_map_pages() is filled with virt_to_page() of get_zeroed_page() memory. */
#include <linux/gfp.h>
#include <linux/mm.h>

#define EVQ_MAX_PAGES		16

struct evq {
	struct page *pages[EVQ_MAX_PAGES];
	unsigned int npages;
};

static int evq_alloc_pages(struct evq *q, unsigned int npages)
{
	unsigned int i;

	if (!npages || npages > EVQ_MAX_PAGES)
		return -EINVAL;

	for (i = 0; i < npages; i++) {
		void *p = (void *)get_zeroed_page(GFP_KERNEL);

		if (!p)
			goto err_free;
		q->pages[i] = virt_to_page(p);
	}
	q->npages = npages;
	return 0;

err_free:
	while (i--)
		__free_page(q->pages[i]);
	return -ENOMEM;
}

static int evq_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct evq *q = file->private_data;

	return vm_map_pages(vma, q->pages, q->npages);
}
