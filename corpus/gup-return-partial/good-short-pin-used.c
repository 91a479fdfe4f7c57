/* A short pin is not an error here: the transfer is shortened to the pages actually pinned (n). */
#include <linux/mm.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct st_buffer {
	struct device *dev;
	struct page **pages;
	struct sg_table sgt;
	int nr_pages;
	size_t len;
};

static int st_map_user(struct st_buffer *stb, unsigned long uaddr, size_t count, int is_read)
{
	unsigned long end = (uaddr + count + PAGE_SIZE - 1) >> PAGE_SHIFT;
	unsigned long start = uaddr >> PAGE_SHIFT;
	const int nr_pages = end - start;
	int res, ret;

	res = pin_user_pages_fast(uaddr, nr_pages, is_read ? FOLL_WRITE : 0, stb->pages);
	if (res <= 0)
		return res ? res : -EFAULT;

	/* short: transfer only what we have */
	if (res < nr_pages)
		count = res * PAGE_SIZE - offset_in_page(uaddr);
	stb->nr_pages = res;
	stb->len = count;

	ret = sg_alloc_table_from_pages(&stb->sgt, stb->pages, res, offset_in_page(uaddr), count, GFP_KERNEL);
	if (ret)
		goto out_unpin;
	ret = dma_map_sgtable(stb->dev, &stb->sgt, is_read ? DMA_FROM_DEVICE : DMA_TO_DEVICE, 0);
	if (ret)
		goto out_sgt;
	return res;

out_sgt:
	sg_free_table(&stb->sgt);
out_unpin:
	unpin_user_pages(stb->pages, res);
	return ret;
}
