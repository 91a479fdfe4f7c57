// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck kmod fixture map-error-unchecked (good twin): the handle of
 * dma_map_single is used without dma_mapping_error.
 *
 * Rule: dma-map-error-unchecked.  Runtime expectations: fixture.conf.
 * This is the fixed twin of bad.c: dmacheck must report nothing here.
 */
#define FX_NAME			"map-error-unchecked-good"
#include "../common/edu-fixture.h"

/* Send FX_NEW to the device; check the mapping before using the handle. */
static int fx_scenario(struct device *dev, struct fx *fx)
{
	dma_addr_t h;
	u8 *tx, *rx;
	int ret = -ENOMEM;

	tx = kmalloc(FX_LEN, GFP_KERNEL);
	rx = kzalloc(FX_LEN, GFP_KERNEL);
	if (!tx || !rx)
		goto out;
	memset(tx, FX_NEW, FX_LEN);
	h = dma_map_single(dev, tx, FX_LEN, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, h))
		goto out;
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
