/* get_user_pages() references released with put_page(), each page dirtied with set_page_dirty_lock() after the unmap. */
#include <linux/mm.h>
#include <linux/dma-mapping.h>

struct gru_xfer {
	struct device *dev;
	void __iomem *regs;
	struct page *pages[8];
	dma_addr_t dma[8];
	int n;
};

static int gru_xfer_user(struct gru_xfer *x, unsigned long uaddr, int nr)
{
	long got;
	int i, ret = 0;

	if (nr > 8)
		return -EINVAL;
	mmap_read_lock(current->mm);
	got = get_user_pages(uaddr & PAGE_MASK, nr, FOLL_WRITE, x->pages, NULL);
	mmap_read_unlock(current->mm);
	if (got < 0)
		return got;
	x->n = got;

	for (i = 0; i < x->n; i++) {
		x->dma[i] = dma_map_page(x->dev, x->pages[i], 0, PAGE_SIZE, DMA_BIDIRECTIONAL);
		if (dma_mapping_error(x->dev, x->dma[i])) {
			ret = -ENOMEM;
			break;
		}
		writeq(x->dma[i], x->regs + 8 * i);
	}
	writel(1, x->regs + 0x100);
	msleep(10);

	while (--i >= 0) {
		dma_unmap_page(x->dev, x->dma[i], PAGE_SIZE, DMA_BIDIRECTIONAL);
		set_page_dirty_lock(x->pages[i]);
	}
	for (i = 0; i < x->n; i++)
		put_page(x->pages[i]);
	return ret;
}
