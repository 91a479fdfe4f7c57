/* Pin in the queue path into buf->pages, dirty-unpin in the completion path; the array is the same struct member. */
#include <linux/mm.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct sdfec_buf {
	struct device *dev;
	struct page **pages;
	int nr_pages;
	struct sg_table sgt;
};

static int sdfec_queue_user(struct sdfec_buf *buf, unsigned long src, size_t len)
{
	int nr = DIV_ROUND_UP(offset_in_page(src) + len, PAGE_SIZE);
	int res;

	buf->pages = kcalloc(nr, sizeof(struct page *), GFP_KERNEL);
	if (!buf->pages)
		return -ENOMEM;
	res = pin_user_pages_fast(src & PAGE_MASK, nr, FOLL_WRITE, buf->pages);
	if (res < nr) {
		if (res > 0)
			unpin_user_pages(buf->pages, res);
		kfree(buf->pages);
		return -EINVAL;
	}
	buf->nr_pages = res;
	return 0;
}

static void sdfec_complete(struct sdfec_buf *buf)
{
	struct page **pages = buf->pages;

	dma_unmap_sgtable(buf->dev, &buf->sgt, DMA_FROM_DEVICE, 0);
	sg_free_table(&buf->sgt);
	unpin_user_pages_dirty_lock(pages, buf->nr_pages, true);
	kfree(pages);
}
