/* dma-map-error-unchecked: an RX page mapping tested with "== 0"; the fallback then frees a page that is still mapped. */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>

struct rtk_rx_buf {
	struct page *page;
	dma_addr_t dma;
	unsigned int offset;
};

struct rtk_rx_desc {
	__le32 opts1;
	__le32 opts2;
	__le64 addr;
};

struct rtk_rx_ring {
	struct device *dev;
	struct rtk_rx_desc *desc;
	struct rtk_rx_buf *buf;
	u64 alloc_fail;
};

static int rtk_rx_fill_one(struct rtk_rx_ring *ring, unsigned int i)
{
	struct rtk_rx_buf *rb = &ring->buf[i];
	struct page *page;
	dma_addr_t dma;

	page = dev_alloc_pages(0);
	if (unlikely(!page)) {
		ring->alloc_fail++;
		return -ENOMEM;
	}

	dma = dma_map_page(ring->dev, page, 0, PAGE_SIZE, DMA_FROM_DEVICE); /* expect-warning dma-map-error-unchecked */
	rb->dma = dma;
	if (rb->dma == 0) {
		__free_page(page); /* expect-warning dma-cpu-access-while-mapped */
		ring->alloc_fail++;
		return -ENOMEM;
	}

	rb->page = page;
	rb->offset = 0;
	ring->desc[i].addr = cpu_to_le64(dma);
	ring->desc[i].opts1 = cpu_to_le32(PAGE_SIZE);
	return 0;
}
