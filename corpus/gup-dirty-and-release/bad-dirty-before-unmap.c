/* The pages are marked dirty while the streaming mapping still belongs to the device. */
#include <linux/mm.h>
#include <linux/dma-mapping.h>

struct pvr_dma {
	struct device *dev;
	void __iomem *regs;
	struct page *pages[16];
	dma_addr_t handles[16];
	int n;
	wait_queue_head_t wq;
	bool done;
};

static int pvr_read_frame(struct pvr_dma *p, unsigned long uaddr)
{
	int i, ret = 0;

	p->n = pin_user_pages_fast(uaddr & PAGE_MASK, 16, FOLL_WRITE, p->pages);
	if (p->n < 0)
		return p->n;

	for (i = 0; i < p->n; i++) {
		p->handles[i] = dma_map_page(p->dev, p->pages[i], 0, PAGE_SIZE, DMA_FROM_DEVICE);
		if (dma_mapping_error(p->dev, p->handles[i]))
			goto unmap;
	}
	p->done = false;
	writel(p->n, p->regs + 0x04);
	wait_event_timeout(p->wq, p->done, HZ);

	for (i = 0; i < p->n; i++)
		set_page_dirty_lock(p->pages[i]); /* expect-warning gup-dirty-and-release */
unmap:
	while (--i >= 0)
		dma_unmap_page(p->dev, p->handles[i], PAGE_SIZE, DMA_FROM_DEVICE);
	unpin_user_pages(p->pages, p->n);
	return ret;
}
