/* Pages pinned with pin_user_pages_fast() in the submit path are released with put_page() in the completion path. */
#include <linux/mm.h>
#include <linux/dma-mapping.h>

struct mport_dma_req {
	struct device *dev;
	struct page **page_list;
	unsigned int nr_pages;
	enum dma_data_direction dir;
	struct sg_table sgt;
};

static int mport_pin_user(struct mport_dma_req *req, unsigned long uaddr, size_t len)
{
	unsigned int nr = DIV_ROUND_UP(offset_in_page(uaddr) + len, PAGE_SIZE);
	long pinned;

	req->page_list = kcalloc(nr, sizeof(*req->page_list), GFP_KERNEL);
	if (!req->page_list)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr & PAGE_MASK, nr,
				     req->dir == DMA_FROM_DEVICE ? FOLL_WRITE : 0, req->page_list);
	if (pinned != nr) {
		if (pinned > 0)
			unpin_user_pages(req->page_list, pinned);
		kfree(req->page_list);
		return pinned < 0 ? pinned : -EFAULT;
	}
	req->nr_pages = nr;
	return 0;
}

static void mport_release_user(struct mport_dma_req *req)
{
	unsigned int i;

	for (i = 0; i < req->nr_pages; i++)
		put_page(req->page_list[i]); /* expect-warning gup-dirty-and-release */
	kfree(req->page_list);
}
