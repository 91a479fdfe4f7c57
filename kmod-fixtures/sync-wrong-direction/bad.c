// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck kmod fixture sync-wrong-direction (bad twin):
 * dma_sync_single_for_cpu with a different direction than the map.
 *
 * Rule: dma-sync-protocol.  Runtime expectations: fixture.conf.
 * The line dmacheck must report is marked with an expect comment.
 */
#define FX_NAME			"sync-wrong-direction-bad"
#include "../common/edu-fixture.h"

/*
 * Receive FX_NEW from the device and peek at it through a sync_for_cpu that
 * passes DMA_TO_DEVICE: swiotlb copies nothing back for that direction, so
 * with swiotlb=force the CPU sees the zeroes it allocated ("data=stale").
 */
static int fx_scenario(struct device *dev, struct fx *fx)
{
	dma_addr_t h;
	bool stale;
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
	ret = edu_dma(fx, h, 0, FX_LEN, true);
	dma_sync_single_for_cpu(dev, h, FX_LEN, DMA_TO_DEVICE); /* expect-warning dma-sync-protocol */
	stale = memchr_inv(rx, FX_NEW, FX_LEN) != NULL;
	dma_unmap_single(dev, h, FX_LEN, DMA_FROM_DEVICE);
	if (!ret)
		fx_report(stale ? "data=stale" : "data=ok");
out:
	kfree(rx);
	return ret;
}

EDU_FIXTURE_DRIVER(fx_scenario);
