/* dma-sync-protocol: the CPU reads the buffer after giving it back with dma_sync_single_for_device(). */
#include <linux/dma-mapping.h>

#define ADC_BUF_ADDR	0x10
#define ADC_TRIGGER	0x18
#define ADC_BLOCK	512

struct adcx {
	struct device *dev;
	void __iomem *regs;
	__le16 *block;
	struct completion done;
	s64 sum;
};

static int adcx_average(struct adcx *a, int rounds)
{
	__le16 *blk = a->block;
	dma_addr_t dma;
	int r, ret = 0;

	dma = dma_map_single(a->dev, blk, ADC_BLOCK, DMA_FROM_DEVICE);
	if (dma_mapping_error(a->dev, dma))
		return -ENOMEM;
	lo_hi_writeq(dma, a->regs + ADC_BUF_ADDR);

	for (r = 0; r < rounds; r++) {
		reinit_completion(&a->done);
		writel(1, a->regs + ADC_TRIGGER);
		if (!wait_for_completion_timeout(&a->done, HZ)) {
			ret = -ETIMEDOUT;
			break;
		}
		dma_sync_single_for_cpu(a->dev, dma, ADC_BLOCK, DMA_FROM_DEVICE);
		a->sum += le16_to_cpu(blk[0]);
		dma_sync_single_for_device(a->dev, dma, ADC_BLOCK, DMA_FROM_DEVICE);
		a->sum += le16_to_cpu(blk[1]); /* expect-warning dma-sync-protocol */
	}

	dma_unmap_single(a->dev, dma, ADC_BLOCK, DMA_FROM_DEVICE);
	return ret;
}
