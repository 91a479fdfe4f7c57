/* The page array is zeroed; the cleanup walks every requested slot but only releases slots the pin filled. */
#include <linux/mm.h>
#include <linux/slab.h>

struct genwqe_like {
	struct page **page_list;
	unsigned int nr_pages;
	unsigned long user_addr;
};

static void genwqe_free_user_pages(struct genwqe_like *m, int dirty)
{
	unsigned int i;

	for (i = 0; i < m->nr_pages; i++) {
		if (m->page_list[i] != NULL) {
			if (dirty)
				set_page_dirty_lock(m->page_list[i]);
			put_page(m->page_list[i]);
		}
	}
}

static int genwqe_user_vmap(struct genwqe_like *m, unsigned long data, size_t size)
{
	int rc;

	m->nr_pages = DIV_ROUND_UP(offset_in_page(data) + size, PAGE_SIZE);
	m->page_list = kcalloc(m->nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!m->page_list)
		return -ENOMEM;

	rc = get_user_pages_fast(data & PAGE_MASK, m->nr_pages, FOLL_WRITE, m->page_list);
	if (rc < 0)
		goto fail_free;
	if (rc < m->nr_pages) {
		genwqe_free_user_pages(m, 0);
		rc = -EFAULT;
		goto fail_free;
	}
	return 0;

fail_free:
	kfree(m->page_list);
	m->page_list = NULL;
	return rc;
}
