// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck kmod fixture cpu-read-before-unmap (good twin): CPU read of a
 * DMA_FROM_DEVICE buffer before dma_unmap_single.
 *
 * Rule: dma-cpu-access-while-mapped.  Runtime expectations: fixture.conf.
 * This is the fixed twin of bad.c: dmacheck must report nothing here.
 */
#define FX_NAME			"cpu-read-before-unmap-good"
#include "../common/edu-fixture.h"

/* Receive FX_NEW from the device; read the data only after unmapping. */
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
	ret = edu_dma(fx, h, 0, FX_LEN, true);
	dma_unmap_single(dev, h, FX_LEN, DMA_FROM_DEVICE);
	if (!ret)
		fx_report(memchr_inv(rx, FX_NEW, FX_LEN) ? "data=stale" : "data=ok");
out:
	kfree(rx);
	return ret;
}

EDU_FIXTURE_DRIVER(fx_scenario);
