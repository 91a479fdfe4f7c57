/* dma-sync-protocol: a TO_DEVICE mapping is synced for the CPU in order to patch it, which the device never sees. */
#include <linux/dma-mapping.h>

#define DSP_PROG_ADDR	0x00
#define DSP_PROG_LEN	0x08
#define DSP_RUN		0x0c
#define DSP_PROG_SIZE	4096

struct dspx {
	struct device *dev;
	void __iomem *ctl;
	__le32 *prog;
	struct completion halted;
};

static int dspx_run_twice(struct dspx *d, u32 gain)
{
	dma_addr_t dma;
	int ret = 0;

	dma = dma_map_single(d->dev, d->prog, DSP_PROG_SIZE, DMA_TO_DEVICE);
	if (dma_mapping_error(d->dev, dma))
		return -ENOMEM;

	lo_hi_writeq(dma, d->ctl + DSP_PROG_ADDR);
	writel(DSP_PROG_SIZE, d->ctl + DSP_PROG_LEN);
	writel(1, d->ctl + DSP_RUN);
	if (!wait_for_completion_timeout(&d->halted, HZ)) {
		ret = -ETIMEDOUT;
		goto out;
	}

	dma_sync_single_for_cpu(d->dev, dma, DSP_PROG_SIZE, DMA_TO_DEVICE); /* expect-warning dma-sync-protocol */
	d->prog[1] = cpu_to_le32(gain);
	dma_sync_single_for_device(d->dev, dma, DSP_PROG_SIZE, DMA_TO_DEVICE);
	writel(1, d->ctl + DSP_RUN);
	if (!wait_for_completion_timeout(&d->halted, HZ))
		ret = -ETIMEDOUT;
out:
	dma_unmap_single(d->dev, dma, DSP_PROG_SIZE, DMA_TO_DEVICE);
	return ret;
}
