// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck kmod fixture dma-after-unmap (bad twin): a DMA handle is given to
 * the device after dma_unmap_single.
 *
 * Rule: dma-use-after-unmap.  Runtime expectations: fixture.conf.
 * The line dmacheck must report is marked with an expect comment.
 */
#define FX_NAME			"dma-after-unmap-bad"
#include "../common/edu-fixture.h"

/*
 * Receive FX_NEW from the device, but the buffer is unmapped before the
 * handle is programmed into the device.  Without an IOMMU or bouncing the
 * handle is the physical address and the data still arrives; with
 * swiotlb=force it lands in a released bounce slot ("data=stale"); with a
 * strict IOMMU the device write faults ("DMAR: [DMA Write").
 */
static int fx_scenario(struct device *dev, struct fx *fx)
{
	dma_addr_t h;
	u8 *rx;
	int ret;

	rx = kzalloc(FX_LEN, GFP_KERNEL);
	if (!rx)
		return -ENOMEM;
	ret = fx_fill_device(dev, fx, FX_NEW, FX_LEN);
	if (ret)
		goto out;
	h = dma_map_single(dev, rx, FX_LEN, DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, h)) {
		ret = -ENOMEM;
		goto out;
	}
	dma_unmap_single(dev, h, FX_LEN, DMA_FROM_DEVICE);
	/* Device buffer -> RAM at h, programmed by hand (see edu_dma()). */
	writeq(EDU_DEV_BUF, fx->regs + EDU_REG_DMA_SRC);
	writeq(h, fx->regs + EDU_REG_DMA_DST); /* expect-warning dma-use-after-unmap */
	writeq(FX_LEN, fx->regs + EDU_REG_DMA_COUNT);
	writeq(EDU_CMD_START | EDU_CMD_TO_RAM, fx->regs + EDU_REG_DMA_CMD);
	ret = edu_wait(fx);
	if (!ret)
		fx_report(memchr_inv(rx, FX_NEW, FX_LEN) ? "data=stale" : "data=ok");
out:
	kfree(rx);
	return ret;
}

EDU_FIXTURE_DRIVER(fx_scenario);
