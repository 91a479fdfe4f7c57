/* ivtv-style user DMA: pin_user_pages_unlocked() without the lock, the wait for the DMA done with no lock held. */
#include <linux/mm.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct udma {
	struct device *dev;
	void __iomem *regs;
	struct page *map[32];
	struct scatterlist sg[32];
	int page_count;
	wait_queue_head_t waitq;
	bool done;
};

static int udma_setup(struct udma *dma, unsigned long uaddr, int npages)
{
	int err, i, nents;

	if (npages > ARRAY_SIZE(dma->map))
		return -EINVAL;
	err = pin_user_pages_unlocked(uaddr, npages, dma->map, FOLL_WRITE);
	if (err != npages) {
		if (err >= 0) {
			unpin_user_pages(dma->map, err);
			return -EINVAL;
		}
		return err;
	}
	dma->page_count = npages;

	sg_init_table(dma->sg, npages);
	for (i = 0; i < npages; i++)
		sg_set_page(&dma->sg[i], dma->map[i], PAGE_SIZE, 0);
	nents = dma_map_sg(dma->dev, dma->sg, npages, DMA_FROM_DEVICE);
	if (!nents) {
		unpin_user_pages(dma->map, npages);
		return -ENOMEM;
	}

	dma->done = false;
	writel(lower_32_bits(sg_dma_address(&dma->sg[0])), dma->regs);
	wait_event_timeout(dma->waitq, dma->done, HZ);

	dma_unmap_sg(dma->dev, dma->sg, npages, DMA_FROM_DEVICE);
	unpin_user_pages_dirty_lock(dma->map, npages, true);
	return 0;
}
