// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck kmod fixture addr-dma-handle-as-cpu-address (good twin): the CPU
 * reads received data through the DMA handle (memremap(handle)) instead of
 * through the buffer it mapped.
 *
 * Rule: addr-dma-handle-as-cpu-address.  Runtime expectations: fixture.conf.
 * This is the fixed twin of bad.c: dmacheck must report nothing here.
 */
#include <linux/io.h>
#define FX_NAME			"addr-dma-handle-as-cpu-address-good"
#include "../common/edu-fixture.h"

/*
 * Receive FX_NEW from the device into a zeroed buffer, take the
 * buffer back with dma_sync_single_for_cpu() and look at the data through
 * the CPU address of the buffer; the handle stays the device's business.
 */
static int fx_scenario(struct device *dev, struct fx *fx)
{
	bool stale;
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
	dma_sync_single_for_cpu(dev, h, FX_LEN, DMA_FROM_DEVICE);
	stale = memchr_inv(rx, FX_NEW, FX_LEN) != NULL;
	dma_unmap_single(dev, h, FX_LEN, DMA_FROM_DEVICE);
	if (!ret)
		pr_info("dmacheck-fixture: %s: handle%sphys data=%s\n", FX_NAME,
			h == virt_to_phys(rx) ? "==" : "!=", stale ? "stale" : "ok");
out:
	kfree(rx);
	return ret;
}

EDU_FIXTURE_DRIVER(fx_scenario);
