// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck kmod fixture map-stack-buffer (good twin): dma_map_single of a
 * buffer on the stack.
 *
 * Rule: dma-map-non-linear-memory.  Runtime expectations: fixture.conf.
 * This is the fixed twin of bad.c: dmacheck must report nothing here.
 */
#define FX_NAME			"map-stack-buffer-good"
#define FX_CMD_LEN		64
#include "../common/edu-fixture.h"

/* Send a small command block allocated with kmalloc(). */
static int fx_scenario(struct device *dev, struct fx *fx)
{
	u8 *cmd = NULL;
	dma_addr_t h;
	u8 *rx;
	int ret;

	rx = kzalloc(FX_CMD_LEN, GFP_KERNEL);
	if (!rx)
		return -ENOMEM;
	cmd = kmalloc(FX_CMD_LEN, GFP_KERNEL);
	if (!cmd) {
		ret = -ENOMEM;
		goto out;
	}
	memset(cmd, FX_NEW, FX_CMD_LEN);
	h = dma_map_single(dev, cmd, FX_CMD_LEN, DMA_TO_DEVICE);
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
	kfree(cmd);
	kfree(rx);
	return ret;
}

EDU_FIXTURE_DRIVER(fx_scenario);
