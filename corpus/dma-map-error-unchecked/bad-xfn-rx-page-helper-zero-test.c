/* dma-map-error-unchecked across functions: the RX refill path gets its page mappings from a same-file helper and "checks" them with !dma, which never catches DMA_MAPPING_ERROR. */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#define BNQ_RX_DESC_CNT		1024
#define BNQ_RX_PAGE_ORDER	0
#define BNQ_RX_BUF_LEN		(PAGE_SIZE << BNQ_RX_PAGE_ORDER)
#define BNQ_REG_RX_PROD		0x2c

struct bnq_rx_bd {
	__le32 flags_len;
	__le32 opaque;
	__le64 addr;
};

struct bnq_rx_buf {
	struct page *page;
	dma_addr_t mapping;
};

struct bnq_rx_ring {
	struct bnq_rx_bd *desc;
	struct bnq_rx_buf *buf;
	u16 prod;
	void __iomem *doorbell;
};

struct bnq {
	struct device *dev;
	struct net_device *ndev;
	struct bnq_rx_ring rx;
};

static dma_addr_t bnq_map_rx_page(struct bnq *bp, struct page *page)
{
	return dma_map_page_attrs(bp->dev, page, 0, BNQ_RX_BUF_LEN, DMA_FROM_DEVICE,
				  DMA_ATTR_WEAK_ORDERING);
}

static int bnq_alloc_rx_page(struct bnq *bp, u16 prod, gfp_t gfp)
{
	struct bnq_rx_buf *rb = &bp->rx.buf[prod];
	struct bnq_rx_bd *bd = &bp->rx.desc[prod];
	struct page *page;
	dma_addr_t mapping;

	page = alloc_pages(gfp, BNQ_RX_PAGE_ORDER);
	if (!page)
		return -ENOMEM;

	mapping = bnq_map_rx_page(bp, page); /* expect-warning dma-map-error-unchecked */
	if (!mapping) {
		__free_pages(page, BNQ_RX_PAGE_ORDER); /* expect-warning dma-cpu-access-while-mapped */
		return -EIO; /* expect-warning dma-map-leak */
	}
	rb->page = page;
	rb->mapping = mapping;
	bd->addr = cpu_to_le64(mapping);
	bd->flags_len = cpu_to_le32(BNQ_RX_BUF_LEN);
	return 0;
}

static void bnq_free_rx_pages(struct bnq *bp)
{
	int i;

	for (i = 0; i < BNQ_RX_DESC_CNT; i++) {
		struct bnq_rx_buf *rb = &bp->rx.buf[i];

		if (!rb->page)
			continue;
		dma_unmap_page_attrs(bp->dev, rb->mapping, BNQ_RX_BUF_LEN, DMA_FROM_DEVICE,
				     DMA_ATTR_WEAK_ORDERING);
		__free_pages(rb->page, BNQ_RX_PAGE_ORDER);
		rb->page = NULL;
	}
}

int bnq_init_rx_ring(struct bnq *bp)
{
	u16 i;

	for (i = 0; i < BNQ_RX_DESC_CNT; i++) {
		if (bnq_alloc_rx_page(bp, i, GFP_KERNEL)) {
			netdev_warn(bp->ndev, "only %u of %u RX pages\n", i, BNQ_RX_DESC_CNT);
			break;
		}
	}
	if (!i) {
		bnq_free_rx_pages(bp);
		return -ENOMEM;
	}
	bp->rx.prod = i;
	writel(i, bp->rx.doorbell + BNQ_REG_RX_PROD);
	return 0;
}
