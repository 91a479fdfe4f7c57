/* addr-linear-only-conversion: the pages of a vmalloc_user() trace buffer are looked up with virt_to_page() instead of vmalloc_to_page(). */
#include <linux/vmalloc.h>
#include <linux/mm.h>

#define TRC_MAX_PAGES		256

struct trc_buf {
	struct page **pages;
	unsigned int npages;
	void *vaddr;
	spinlock_t lock;
};

static int trc_buf_alloc(struct trc_buf *tb, unsigned int npages)
{
	unsigned int i;
	void *buf;

	if (!npages || npages > TRC_MAX_PAGES)
		return -EINVAL;

	tb->pages = kcalloc(npages, sizeof(*tb->pages), GFP_KERNEL);
	if (!tb->pages)
		return -ENOMEM;

	buf = vmalloc_user((size_t)npages << PAGE_SHIFT);
	if (!buf) {
		kfree(tb->pages);
		tb->pages = NULL;
		return -ENOMEM;
	}

	/* the fault handler hands these pages to user space */
	for (i = 0; i < npages; i++)
		tb->pages[i] = virt_to_page(buf + i * PAGE_SIZE); /* expect-warning addr-linear-only-conversion */

	tb->vaddr = buf;
	tb->npages = npages;
	spin_lock_init(&tb->lock);
	return 0;
}
