/* dma-use-after-unmap: after unmapping, the dead handle is written back into the engine's address register. */
#include <linux/dma-mapping.h>

#define AUX_ADDR_LO	0x00
#define AUX_ADDR_HI	0x04
#define AUX_CTRL	0x08
#define AUX_CTRL_RUN	BIT(0)

struct auxd {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static int auxd_play(struct auxd *ad, void *samples, size_t len)
{
	dma_addr_t dma;
	int ret = 0;

	dma = dma_map_single(ad->dev, samples, len, DMA_TO_DEVICE);
	if (dma_mapping_error(ad->dev, dma))
		return -ENOMEM;

	reinit_completion(&ad->done);
	writel(lower_32_bits(dma), ad->regs + AUX_ADDR_LO);
	writel(upper_32_bits(dma), ad->regs + AUX_ADDR_HI);
	writel(AUX_CTRL_RUN, ad->regs + AUX_CTRL);
	if (!wait_for_completion_timeout(&ad->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(ad->dev, dma, len, DMA_TO_DEVICE);

	/* leave the engine pointing at the last buffer */
	writel(lower_32_bits(dma), ad->regs + AUX_ADDR_LO); /* expect-warning dma-use-after-unmap */
	return ret;
}
