// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck kmod fixture addr-dma-handle-as-cpu-address (bad twin): the CPU
 * reads received data through the DMA handle (memremap(handle)) instead of
 * through the buffer it mapped.
 *
 * Rule: addr-dma-handle-as-cpu-address.  Runtime expectations: fixture.conf.
 * The line dmacheck must report is marked with an expect comment.
 */
#include <linux/io.h>
#define FX_NAME			"addr-dma-handle-as-cpu-address-bad"
#include "../common/edu-fixture.h"

/*
 * Receive FX_NEW from the device into a zeroed buffer, take the
 * buffer back with dma_sync_single_for_cpu() and look at the data through
 * memremap() of the DMA handle.  Without an IOMMU or bouncing the handle is
 * the buffer's physical address and the data is right.  With swiotlb=force
 * the handle is the bounce slot: other memory, which happens to hold the
 * device's data ("handle!=phys data=ok").  With an IOMMU the handle is an
 * IOVA: the CPU reads whatever RAM sits at that number ("data=stale").
 * memremap() (not phys_to_virt()) keeps the wrong read safe: an address that
 * is not System RAM is mapped with ioremap_cache() instead of being
 * dereferenced through a hole in the linear map.
 */
static int fx_scenario(struct device *dev, struct fx *fx)
{
	bool stale = true;
	dma_addr_t h;
	u8 *rx, *view;
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
	view = memremap(h, FX_LEN, MEMREMAP_WB); /* expect-warning addr-dma-handle-as-cpu-address */
	if (view) {
		stale = memchr_inv(view, FX_NEW, FX_LEN) != NULL;
		memunmap(view);
	}
	dma_unmap_single(dev, h, FX_LEN, DMA_FROM_DEVICE);
	if (!ret && !view)
		fx_report("memremap=failed");
	else if (!ret)
		pr_info("dmacheck-fixture: %s: handle%sphys data=%s\n", FX_NAME,
			h == virt_to_phys(rx) ? "==" : "!=", stale ? "stale" : "ok");
out:
	kfree(rx);
	return ret;
}

EDU_FIXTURE_DRIVER(fx_scenario);
