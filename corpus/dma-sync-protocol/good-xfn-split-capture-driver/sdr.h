/* Shared definitions of the two-file SDR capture driver (main.c, dma.c, irq.c). */
#ifndef SDR_H
#define SDR_H
#include <linux/device.h>
#include <linux/io.h>
#include <linux/kfifo.h>
#include <linux/wait.h>

#define SDR_NBLK		8
#define SDR_BLK_BYTES		16384
#define SDR_REG_CTRL		0x00
#define SDR_REG_DONE		0x04
#define SDR_REG_BLK_ADDR(n)	(0x40 + (n) * 4)
#define SDR_CTRL_RUN		BIT(0)

struct sdr_block {
	void *samples;
	dma_addr_t dma;
};

struct sdr_dev {
	struct device *dev;
	void __iomem *regs;
	struct sdr_block blk[SDR_NBLK];
	DECLARE_KFIFO_PTR(fifo, u8);
	wait_queue_head_t wait;
};

int sdr_dma_start(struct sdr_dev *sd);
void sdr_dma_stop(struct sdr_dev *sd);
void sdr_dma_ack(struct sdr_dev *sd, u32 done);
irqreturn_t sdr_block_irq(int irq, void *data);

#endif
