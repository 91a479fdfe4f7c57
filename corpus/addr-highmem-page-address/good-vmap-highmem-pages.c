/* addr-highmem-page-address (good): a frame buffer built from GFP_HIGHUSER pages gets one contiguous kernel mapping with vmap(); page_address() is never used. */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/mm.h>

struct vfb {
	struct page **pages;
	unsigned int npages;
	void *vaddr;
};

static int vfb_alloc(struct vfb *fb, size_t size)
{
	unsigned int i, n = PAGE_ALIGN(size) >> PAGE_SHIFT;

	fb->pages = kcalloc(n, sizeof(*fb->pages), GFP_KERNEL);
	if (!fb->pages)
		return -ENOMEM;

	for (i = 0; i < n; i++) {
		fb->pages[i] = alloc_page(GFP_HIGHUSER | __GFP_ZERO);
		if (!fb->pages[i])
			goto err_free;
	}

	fb->vaddr = vmap(fb->pages, n, VM_MAP, PAGE_KERNEL);
	if (!fb->vaddr)
		goto err_free;

	fb->npages = n;
	return 0;

err_free:
	while (i--)
		__free_page(fb->pages[i]);
	kfree(fb->pages);
	fb->pages = NULL;
	return -ENOMEM;
}
