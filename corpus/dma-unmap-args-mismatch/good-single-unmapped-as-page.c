/* dma-unmap-args-mismatch (good): dma_map_single and dma_unmap_page are one family for the DMA API; sizes and directions match. */
#include <linux/dma-mapping.h>

#define PGX_ADDR	0x00
#define PGX_GO		0x08
#define PGX_BLK		512

struct pgx_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static int pgx_write_block(struct pgx_dev *pd, void *blk)
{
	dma_addr_t dma;
	int ret = 0;

	dma = dma_map_single(pd->dev, blk, PGX_BLK, DMA_TO_DEVICE);
	if (dma_mapping_error(pd->dev, dma))
		return -ENOMEM;

	reinit_completion(&pd->done);
	lo_hi_writeq(dma, pd->regs + PGX_ADDR);
	writel(1, pd->regs + PGX_GO);
	if (!wait_for_completion_timeout(&pd->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_page(pd->dev, dma, PGX_BLK, DMA_TO_DEVICE);
	return ret;
}
