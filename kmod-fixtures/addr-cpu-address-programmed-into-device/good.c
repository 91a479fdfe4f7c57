// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck kmod fixture addr-cpu-address-programmed-into-device (good twin):
 * the device is given virt_to_phys() of a kmalloc buffer instead of a DMA
 * address from dma_map_single().
 *
 * Rule: addr-cpu-address-programmed-into-device.  Runtime expectations:
 * fixture.conf.  This is the fixed twin of bad.c: dmacheck must report
 * nothing here.
 */
#define FX_NAME			"addr-cpu-address-programmed-into-device-good"
#include "../common/edu-fixture.h"

/*
 * Receive FX_NEW from the device into a zeroed kmalloc buffer mapped with
 * dma_map_single(); the DMA address goes to the DMA destination register.
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
	/* Device buffer -> RAM at the DMA address (see edu_dma()). */
	writeq(EDU_DEV_BUF, fx->regs + EDU_REG_DMA_SRC);
	writeq(h, fx->regs + EDU_REG_DMA_DST);
	writeq(FX_LEN, fx->regs + EDU_REG_DMA_COUNT);
	writeq(EDU_CMD_START | EDU_CMD_TO_RAM, fx->regs + EDU_REG_DMA_CMD);
	ret = edu_wait(fx);
	dma_unmap_single(dev, h, FX_LEN, DMA_FROM_DEVICE);
	if (!ret)
		fx_report(memchr_inv(rx, FX_NEW, FX_LEN) ? "data=stale" : "data=ok");
out:
	kfree(rx);
	return ret;
}

EDU_FIXTURE_DRIVER(fx_scenario);
