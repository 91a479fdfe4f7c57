/* dma-sync-protocol (good, three files): dma.c maps the capture blocks DMA_FROM_DEVICE when streaming starts and unmaps them when it stops; irq.c syncs each finished block for the CPU and back for the device with the same direction; main.c is the platform glue. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include "sdr.h"

int sdr_dma_start(struct sdr_dev *sd)
{
	int i;

	for (i = 0; i < SDR_NBLK; i++) {
		struct sdr_block *b = &sd->blk[i];

		b->samples = kmalloc(SDR_BLK_BYTES, GFP_KERNEL);
		if (!b->samples)
			goto unwind;
		b->dma = dma_map_single(sd->dev, b->samples, SDR_BLK_BYTES, DMA_FROM_DEVICE);
		if (dma_mapping_error(sd->dev, b->dma)) {
			kfree(b->samples);
			b->samples = NULL;
			goto unwind;
		}
		writel(lower_32_bits(b->dma), sd->regs + SDR_REG_BLK_ADDR(i));
	}
	writel(SDR_CTRL_RUN, sd->regs + SDR_REG_CTRL);
	return 0;

unwind:
	sdr_dma_stop(sd);
	return -ENOMEM;
}

void sdr_dma_stop(struct sdr_dev *sd)
{
	int i;

	writel(0, sd->regs + SDR_REG_CTRL);
	for (i = 0; i < SDR_NBLK; i++) {
		struct sdr_block *b = &sd->blk[i];

		if (!b->samples)
			continue;
		dma_unmap_single(sd->dev, b->dma, SDR_BLK_BYTES, DMA_FROM_DEVICE);
		kfree(b->samples);
		b->samples = NULL;
	}
}

/* hand the finished blocks back to the engine (the IRQ handler synced them for the device) */
void sdr_dma_ack(struct sdr_dev *sd, u32 done)
{
	writel(done, sd->regs + SDR_REG_DONE);
}
