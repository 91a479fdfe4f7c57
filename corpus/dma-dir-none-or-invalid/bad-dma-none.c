/* dma-dir-none-or-invalid: DMA_NONE is a debugging aid; passing it to map and unmap hits BUG_ON(!valid_dma_direction()). */
#include <linux/dma-mapping.h>

#define SCR_ADDR	0x00
#define SCR_LEN		0x08
#define SCR_GO		0x0c

struct scr_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static int scr_scrub(struct scr_dev *sd, void *area, size_t n)
{
	dma_addr_t h;
	int ret = 0;

	h = dma_map_single(sd->dev, area, n, DMA_NONE); /* expect-warning dma-dir-none-or-invalid */
	if (dma_mapping_error(sd->dev, h))
		return -ENOMEM;

	reinit_completion(&sd->done);
	lo_hi_writeq(h, sd->regs + SCR_ADDR);
	writel(n, sd->regs + SCR_LEN);
	writel(1, sd->regs + SCR_GO);
	if (!wait_for_completion_timeout(&sd->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(sd->dev, h, n, DMA_NONE); /* expect-warning dma-dir-none-or-invalid */
	return ret;
}
