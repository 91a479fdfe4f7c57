/* dma-map-non-linear-memory (good): ring memory from __get_free_pages() and page_address(alloc_page()) is in the linear map. */
#include <linux/gfp.h>
#include <linux/dma-mapping.h>

#define RING_ORDER		2
#define RING_REG_BASE		0x00
#define RING_REG_STATUS		0x08

struct ringdev {
	struct device *dev;
	void __iomem *regs;
	unsigned long ring;
	dma_addr_t ring_dma;
	struct page *status_page;
	dma_addr_t status_dma;
};

static int ringdev_setup(struct ringdev *rd)
{
	void *ring, *status;

	ring = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, RING_ORDER);
	if (!ring)
		return -ENOMEM;
	rd->ring = (unsigned long)ring;
	rd->ring_dma = dma_map_single(rd->dev, ring, PAGE_SIZE << RING_ORDER, DMA_TO_DEVICE);
	if (dma_mapping_error(rd->dev, rd->ring_dma))
		goto err_free_ring;

	rd->status_page = alloc_page(GFP_KERNEL);
	if (!rd->status_page)
		goto err_unmap_ring;
	status = page_address(rd->status_page);
	rd->status_dma = dma_map_single(rd->dev, status, PAGE_SIZE, DMA_FROM_DEVICE);
	if (dma_mapping_error(rd->dev, rd->status_dma))
		goto err_free_status;

	lo_hi_writeq(rd->ring_dma, rd->regs + RING_REG_BASE);
	lo_hi_writeq(rd->status_dma, rd->regs + RING_REG_STATUS);
	return 0;

err_free_status:
	__free_page(rd->status_page);
err_unmap_ring:
	dma_unmap_single(rd->dev, rd->ring_dma, PAGE_SIZE << RING_ORDER, DMA_TO_DEVICE);
err_free_ring:
	free_pages(rd->ring, RING_ORDER);
	return -ENOMEM;
}
