/* dma-map-leak: an RX refill maps a page, then a metadata allocation fails and the page mapping is dropped. */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>

#define BAZ_RX_RING_SIZE	512
#define BAZ_RX_TAIL		0x60

struct baz_rx_meta {
	u32 hash;
	u16 vlan;
};

struct baz_rx_buf {
	struct page *page;
	struct baz_rx_meta *meta;
	DEFINE_DMA_UNMAP_ADDR(dma);
};

struct baz_rx_desc {
	__le64 addr;
	__le64 status;
};

struct baz_rx_ring {
	struct device *dev;
	void __iomem *tail;
	struct baz_rx_desc *desc;
	struct baz_rx_buf buf[BAZ_RX_RING_SIZE];
	unsigned int next_to_use;
};

static int baz_alloc_rx_buf(struct baz_rx_ring *ring, unsigned int i)
{
	struct baz_rx_buf *rb = &ring->buf[i];
	struct baz_rx_meta *meta;
	struct page *page;
	dma_addr_t dma;

	page = dev_alloc_page();
	if (!page)
		return -ENOMEM;

	dma = dma_map_page(ring->dev, page, 0, PAGE_SIZE, DMA_FROM_DEVICE);
	if (dma_mapping_error(ring->dev, dma)) {
		__free_page(page);
		return -ENOMEM;
	}

	meta = kzalloc(sizeof(*meta), GFP_ATOMIC);
	if (!meta)
		return -ENOMEM; /* expect-warning dma-map-leak */

	rb->page = page;
	rb->meta = meta;
	dma_unmap_addr_set(rb, dma, dma);
	ring->desc[i].addr = cpu_to_le64(dma);
	ring->desc[i].status = 0;
	return 0;
}
