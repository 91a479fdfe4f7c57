// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck kmod fixture cpu-read-before-unmap (bad twin): CPU read of a
 * DMA_FROM_DEVICE buffer before dma_unmap_single.
 *
 * Rule: dma-cpu-access-while-mapped.  Runtime expectations: fixture.conf.
 * The line dmacheck must report is marked with an expect comment.
 */
#define FX_NAME			"cpu-read-before-unmap-bad"
#include "../common/edu-fixture.h"

/*
 * Receive FX_NEW from the device into a zeroed buffer, and look at the data
 * before unmapping.  With swiotlb=force the data is still in the bounce
 * buffer (copied back only at unmap): the CPU sees zeroes ("data=stale").
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
	stale = memchr_inv(rx, FX_NEW, FX_LEN) != NULL; /* expect-warning dma-cpu-access-while-mapped */
	dma_unmap_single(dev, h, FX_LEN, DMA_FROM_DEVICE);
	if (!ret)
		fx_report(stale ? "data=stale" : "data=ok");
out:
	kfree(rx);
	return ret;
}

EDU_FIXTURE_DRIVER(fx_scenario);
