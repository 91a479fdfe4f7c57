// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck kmod fixture map-stack-buffer (bad twin): dma_map_single of a
 * buffer on the stack.
 *
 * Rule: dma-map-non-linear-memory.  Runtime expectations: fixture.conf.
 * The line dmacheck must report is marked with an expect comment.
 */
#define FX_NAME			"map-stack-buffer-bad"
#define FX_CMD_LEN		64
#include "../common/edu-fixture.h"

/*
 * Send a small command block that lives on the stack.  With CONFIG_VMAP_STACK
 * the stack is vmalloc memory, so in 6.1 dma_map_single() itself WARNs
 * "rejecting DMA map of vmalloc memory" and returns DMA_MAPPING_ERROR before
 * dma-debug's "maps memory from stack" check is reached.
 */
static int fx_scenario(struct device *dev, struct fx *fx)
{
	u8 cmd[FX_CMD_LEN];
	dma_addr_t h;
	u8 *rx;
	int ret;

	rx = kzalloc(FX_CMD_LEN, GFP_KERNEL);
	if (!rx)
		return -ENOMEM;
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
	kfree(rx);
	return ret;
}

EDU_FIXTURE_DRIVER(fx_scenario);
