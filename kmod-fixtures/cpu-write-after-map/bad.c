// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck kmod fixture cpu-write-after-map (bad twin): CPU write after
 * dma_map_single(DMA_TO_DEVICE), before the device reads.
 *
 * Rule: dma-cpu-access-while-mapped.  Runtime expectations: fixture.conf.
 * The line dmacheck must report is marked with an expect comment.
 */
#define FX_NAME			"cpu-write-after-map-bad"
#include "../common/edu-fixture.h"

/*
 * Send FX_NEW to the device.  The buffer is mapped while it still holds
 * FX_OLD and the CPU writes the real data after the map: with swiotlb=force
 * the device reads the bounce buffer, which was filled at map time, and the
 * read-back shows FX_OLD ("data=stale").
 */
static int fx_scenario(struct device *dev, struct fx *fx)
{
	dma_addr_t h;
	u8 *tx, *rx;
	int ret = -ENOMEM;

	tx = kmalloc(FX_LEN, GFP_KERNEL);
	rx = kzalloc(FX_LEN, GFP_KERNEL);
	if (!tx || !rx)
		goto out;
	memset(tx, FX_OLD, FX_LEN);
	h = dma_map_single(dev, tx, FX_LEN, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, h))
		goto out;
	memset(tx, FX_NEW, FX_LEN); /* expect-warning dma-cpu-access-while-mapped */
	ret = edu_dma(fx, h, 0, FX_LEN, false);
	dma_unmap_single(dev, h, FX_LEN, DMA_TO_DEVICE);
	if (!ret)
		ret = fx_read_device(dev, fx, rx, FX_LEN);
	if (!ret)
		fx_report(memchr_inv(rx, FX_NEW, FX_LEN) ? "data=stale" : "data=ok");
out:
	kfree(rx);
	kfree(tx);
	return ret;
}

EDU_FIXTURE_DRIVER(fx_scenario);
