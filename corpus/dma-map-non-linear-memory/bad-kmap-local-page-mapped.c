/* dma-map-non-linear-memory: the temporary kmap_local_page() address of a (possibly highmem) page is mapped instead of the page. */
#include <linux/highmem.h>
#include <linux/dma-mapping.h>

#define XCRC_REG_SRC		0x40
#define XCRC_REG_LEN		0x48
#define XCRC_REG_GO		0x4c
#define XCRC_REG_RESULT		0x50

struct xcrc_engine {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static int xcrc_page(struct xcrc_engine *xe, struct page *page, unsigned int off,
		     unsigned int len, u32 *crc)
{
	void *vaddr;
	dma_addr_t h;
	int ret = 0;

	vaddr = kmap_local_page(page);
	h = dma_map_single(xe->dev, vaddr + off, len, DMA_TO_DEVICE); /* expect-warning dma-map-non-linear-memory */
	if (dma_mapping_error(xe->dev, h)) {
		kunmap_local(vaddr);
		return -ENOMEM;
	}

	reinit_completion(&xe->done);
	lo_hi_writeq(h, xe->regs + XCRC_REG_SRC);
	writel(len, xe->regs + XCRC_REG_LEN);
	writel(1, xe->regs + XCRC_REG_GO);
	if (!wait_for_completion_timeout(&xe->done, HZ))
		ret = -ETIMEDOUT;
	else
		*crc = readl(xe->regs + XCRC_REG_RESULT);

	dma_unmap_single(xe->dev, h, len, DMA_TO_DEVICE);
	kunmap_local(vaddr);
	return ret;
}
