/* dma-unmap-args-mismatch: a FROM_DEVICE page mapping is released with DMA_TO_DEVICE (copy-paste from the TX path). */
#include <linux/dma-mapping.h>
#include <linux/mm.h>

#define FWD_RD_ADDR	0x20
#define FWD_RD_GO	0x28

struct fwd_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static int fwd_read_page(struct fwd_dev *fd, struct page *page)
{
	dma_addr_t dma;
	int ret = 0;

	dma = dma_map_page(fd->dev, page, 0, PAGE_SIZE, DMA_FROM_DEVICE);
	if (dma_mapping_error(fd->dev, dma))
		return -ENOMEM;

	reinit_completion(&fd->done);
	lo_hi_writeq(dma, fd->regs + FWD_RD_ADDR);
	writel(1, fd->regs + FWD_RD_GO);
	if (!wait_for_completion_timeout(&fd->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_page(fd->dev, dma, PAGE_SIZE, DMA_TO_DEVICE); /* expect-warning dma-unmap-args-mismatch */
	return ret;
}
