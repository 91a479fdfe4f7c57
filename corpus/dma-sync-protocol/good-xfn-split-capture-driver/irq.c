/* The block-done interrupt of the two-file SDR capture driver: the blocks were mapped by dma.c. */
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>
#include <linux/kfifo.h>
#include "sdr.h"

irqreturn_t sdr_block_irq(int irq, void *data)
{
	struct sdr_dev *sd = data;
	u32 done = readl(sd->regs + SDR_REG_DONE);
	int i;

	if (!done)
		return IRQ_NONE;
	for (i = 0; i < SDR_NBLK; i++) {
		struct sdr_block *b = &sd->blk[i];

		if (!(done & BIT(i)))
			continue;
		dma_sync_single_for_cpu(sd->dev, b->dma, SDR_BLK_BYTES, DMA_FROM_DEVICE);
		kfifo_in(&sd->fifo, b->samples, SDR_BLK_BYTES);
		dma_sync_single_for_device(sd->dev, b->dma, SDR_BLK_BYTES, DMA_FROM_DEVICE);
	}
	sdr_dma_ack(sd, done);
	wake_up_interruptible(&sd->wait);
	return IRQ_HANDLED;
}
