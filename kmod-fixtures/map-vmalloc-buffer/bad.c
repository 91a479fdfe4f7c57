// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck kmod fixture map-vmalloc-buffer (bad twin): dma_map_single of
 * vmalloc memory.
 *
 * Rule: dma-map-non-linear-memory.  Runtime expectations: fixture.conf.
 * The line dmacheck must report is marked with an expect comment.
 */
#include <linux/vmalloc.h>
#define FX_NAME			"map-vmalloc-buffer-bad"
#define FX_CMD_LEN		64
#include "../common/edu-fixture.h"

/*
 * Send a buffer allocated with vmalloc().  In 6.1 dma_map_single() WARNs
 * "rejecting DMA map of vmalloc memory" and fails; dma-debug's own "maps
 * memory from vmalloc area" check runs after that test and is unreachable.
 */
static int fx_scenario(struct device *dev, struct fx *fx)
{
	u8 *cmd = NULL;
	dma_addr_t h;
	u8 *rx;
	int ret;

	rx = kzalloc(FX_CMD_LEN, GFP_KERNEL);
	if (!rx)
		return -ENOMEM;
	cmd = vmalloc(FX_CMD_LEN);
	if (!cmd) {
		ret = -ENOMEM;
		goto out;
	}
	memset(cmd, FX_NEW, FX_CMD_LEN);
	h = dma_map_single(dev, cmd, FX_CMD_LEN, DMA_TO_DEVICE); /* expect-warning dma-map-non-linear-memory */
	if (dma_mapping_error(dev, h)) {
		fx_report("map=error");
		ret = 0;
		goto out;
	}
	ret = edu_dma(fx, h, 0, FX_CMD_LEN, false);
	dma_unmap_single(dev, h, FX_CMD_LEN, DMA_TO_DEVICE);
	if (!ret)
		ret = fx_read_device(dev, fx, rx, FX_CMD_LEN);
	if (!ret)
		fx_report(memchr_inv(rx, FX_NEW, FX_CMD_LEN) ? "data=stale" : "data=ok");
out:
	vfree(cmd);
	kfree(rx);
	return ret;
}

EDU_FIXTURE_DRIVER(fx_scenario);
