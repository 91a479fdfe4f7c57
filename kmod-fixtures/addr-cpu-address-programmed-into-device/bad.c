// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck kmod fixture addr-cpu-address-programmed-into-device (bad twin):
 * the device is given virt_to_phys() of a kmalloc buffer instead of a DMA
 * address from dma_map_single().
 *
 * Rule: addr-cpu-address-programmed-into-device.  Runtime expectations:
 * fixture.conf.  The line dmacheck must report is marked with an expect
 * comment.
 */
#define FX_NAME			"addr-cpu-address-programmed-into-device-bad"
#include "../common/edu-fixture.h"

/*
 * Receive FX_NEW from the device into a zeroed kmalloc buffer whose physical
 * address is programmed into the DMA destination register.  Without an
 * IOMMU the device reaches all of the guest's RAM at its physical address
 * and the data arrives, with or without swiotlb=force (nothing is mapped, so
 * nothing bounces).  Behind an IOMMU the physical address is an IOVA that
 * nobody mapped: the write faults ("DMAR: [DMA Write") and the buffer keeps
 * its zeroes ("data=stale").
 */
static int fx_scenario(struct device *dev, struct fx *fx)
{
	u8 *rx;
	int ret;

	rx = kzalloc(FX_LEN, GFP_KERNEL);
	if (!rx)
		return -ENOMEM;
	ret = fx_fill_device(dev, fx, FX_NEW, FX_LEN);
	if (ret)
		goto out;
	/* Device buffer -> RAM at the buffer's physical address (see edu_dma()). */
	writeq(EDU_DEV_BUF, fx->regs + EDU_REG_DMA_SRC);
	writeq(virt_to_phys(rx), fx->regs + EDU_REG_DMA_DST); /* expect-warning addr-cpu-address-programmed-into-device */
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
