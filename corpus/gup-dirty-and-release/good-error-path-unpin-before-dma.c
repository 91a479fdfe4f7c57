/* Releases on the error paths happen before the device ever ran; the completion path dirties with set_page_dirty_lock(). */
#include <linux/mm.h>
#include <linux/dma-mapping.h>

struct cap_buf {
	struct device *dev;
	void __iomem *regs;
	struct page *page;
	dma_addr_t dma;
	size_t len;
};

static int cap_buf_start(struct cap_buf *cb, unsigned long uaddr, size_t len)
{
	int ret;

	ret = pin_user_pages_fast(uaddr & PAGE_MASK, 1, FOLL_WRITE, &cb->page);
	if (ret != 1)
		return ret < 0 ? ret : -EFAULT;
	cb->len = len;
	cb->dma = dma_map_page(cb->dev, cb->page, offset_in_page(uaddr), len, DMA_FROM_DEVICE);
	if (dma_mapping_error(cb->dev, cb->dma)) {
		unpin_user_page(cb->page);
		return -ENOMEM;
	}
	writeq(cb->dma, cb->regs + 0x40);
	return 0;
}

static void cap_buf_done(struct cap_buf *cb)
{
	dma_unmap_page(cb->dev, cb->dma, cb->len, DMA_FROM_DEVICE);
	set_page_dirty_lock(cb->page);
	unpin_user_page(cb->page);
}
