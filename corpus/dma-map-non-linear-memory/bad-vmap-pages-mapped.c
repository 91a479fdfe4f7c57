/* dma-map-non-linear-memory: pages stitched together with vmap() are mapped as one contiguous buffer. */
#include <linux/vmalloc.h>
#include <linux/dma-mapping.h>

#define RBUF_REG_ADDR		0x60
#define RBUF_REG_LEN		0x68
#define RBUF_REG_ARM		0x6c

struct rbuf_dev {
	struct device *dev;
	void __iomem *regs;
	struct page **pages;
	unsigned int npages;
	dma_addr_t ring_dma;
	void *ring;
};

static int rbuf_arm(struct rbuf_dev *rd)
{
	size_t len = (size_t)rd->npages << PAGE_SHIFT;
	void *ring;
	dma_addr_t h;

	ring = vmap(rd->pages, rd->npages, VM_MAP, PAGE_KERNEL);
	if (!ring)
		return -ENOMEM;

	h = dma_map_single(rd->dev, ring, len, DMA_FROM_DEVICE); /* expect-warning dma-map-non-linear-memory */
	if (dma_mapping_error(rd->dev, h)) {
		vunmap(ring);
		return -ENOMEM;
	}

	rd->ring = ring;
	rd->ring_dma = h;
	lo_hi_writeq(h, rd->regs + RBUF_REG_ADDR);
	writel(len, rd->regs + RBUF_REG_LEN);
	writel(1, rd->regs + RBUF_REG_ARM);
	return 0;
}
