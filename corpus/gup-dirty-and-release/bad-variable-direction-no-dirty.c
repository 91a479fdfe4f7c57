/* rio_mport-style: FOLL_WRITE when the device writes, but the completion path unpins without dirtying whatever the direction. */
#include <linux/mm.h>
#include <linux/kref.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct mport_dma_req {
	struct kref refcount;
	struct device *dev;
	struct page **page_list;
	unsigned int nr_pages;
	struct sg_table sgt;
	enum dma_data_direction dir;
};

static void dma_req_free(struct kref *ref)
{
	struct mport_dma_req *req = container_of(ref, struct mport_dma_req, refcount);

	dma_unmap_sg(req->dev, req->sgt.sgl, req->sgt.orig_nents, req->dir);
	sg_free_table(&req->sgt);
	if (req->page_list) {
		unpin_user_pages(req->page_list, req->nr_pages); /* expect-warning gup-dirty-and-release */
		kfree(req->page_list);
	}
	kfree(req);
}

static int mport_pin(struct mport_dma_req *req, unsigned long uaddr, unsigned long nr_pages, size_t len)
{
	struct page **page_list;
	long pinned;
	int ret;

	page_list = kmalloc_array(nr_pages, sizeof(*page_list), GFP_KERNEL);
	if (!page_list)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr & PAGE_MASK, nr_pages,
				     req->dir == DMA_FROM_DEVICE ? FOLL_WRITE : 0, page_list);
	if (pinned != nr_pages) {
		if (pinned > 0)
			unpin_user_pages(page_list, pinned);
		kfree(page_list);
		return -EFAULT;
	}
	ret = sg_alloc_table_from_pages(&req->sgt, page_list, nr_pages, offset_in_page(uaddr), len, GFP_KERNEL);
	if (ret) {
		unpin_user_pages(page_list, nr_pages);
		kfree(page_list);
		return ret;
	}
	req->page_list = page_list;
	req->nr_pages = nr_pages;
	return 0;
}
