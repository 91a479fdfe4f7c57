/* dma-cpu-access-while-mapped (good): a long-lived RX mapping is synced for the CPU before the status byte is read. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define SNS_BUF_ADDR	0x00
#define SNS_BUF_LEN	0x08
#define SNS_ARM		0x0c
#define SNS_FRAME	128
#define SNS_NR_SAMPLES	16

struct sns_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion frame_done;
	u32 samples[SNS_NR_SAMPLES];
};

static int sns_capture(struct sns_dev *sd, int frames)
{
	dma_addr_t dma;
	u8 *frame;
	int n, ret = 0;

	frame = kzalloc(SNS_FRAME, GFP_KERNEL);
	if (!frame)
		return -ENOMEM;

	dma = dma_map_single(sd->dev, frame, SNS_FRAME, DMA_FROM_DEVICE);
	if (dma_mapping_error(sd->dev, dma)) {
		kfree(frame);
		return -ENOMEM;
	}
	lo_hi_writeq(dma, sd->regs + SNS_BUF_ADDR);
	writel(SNS_FRAME, sd->regs + SNS_BUF_LEN);

	for (n = 0; n < frames; n++) {
		reinit_completion(&sd->frame_done);
		writel(1, sd->regs + SNS_ARM);
		if (!wait_for_completion_timeout(&sd->frame_done, HZ / 10)) {
			ret = -ETIMEDOUT;
			break;
		}

		dma_sync_single_for_cpu(sd->dev, dma, SNS_FRAME, DMA_FROM_DEVICE);
		sd->samples[n % SNS_NR_SAMPLES] = frame[0] | frame[1] << 8;
		dma_sync_single_for_device(sd->dev, dma, SNS_FRAME, DMA_FROM_DEVICE);
	}

	dma_unmap_single(sd->dev, dma, SNS_FRAME, DMA_FROM_DEVICE);
	kfree(frame);
	return ret;
}
