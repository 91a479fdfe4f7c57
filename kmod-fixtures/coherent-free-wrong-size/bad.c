// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck kmod fixture coherent-free-wrong-size (bad twin):
 * dma_free_coherent with a different size than the allocation.
 *
 * Rule: dmac-free-mismatch-or-leak.  Runtime expectations: fixture.conf.
 * The line dmacheck must report is marked with an expect comment.
 */
#define FX_NAME			"coherent-free-wrong-size-bad"
#include "../common/edu-fixture.h"

/* Round-trip FX_NEW through a coherent buffer, then free it with the wrong size. */
static int fx_scenario(struct device *dev, struct fx *fx)
{
	dma_addr_t h;
	u8 *cpu;
	int ret;

	cpu = dma_alloc_coherent(dev, FX_LEN, &h, GFP_KERNEL);
	if (!cpu)
		return -ENOMEM;
	memset(cpu, FX_NEW, FX_LEN);
	ret = edu_dma(fx, h, 0, FX_LEN, false);
	if (!ret) {
		memset(cpu, FX_OLD, FX_LEN);
		ret = edu_dma(fx, h, 0, FX_LEN, true);
	}
	if (!ret)
		fx_report(memchr_inv(cpu, FX_NEW, FX_LEN) ? "data=stale" : "data=ok");
	dma_free_coherent(dev, FX_LEN / 2, cpu, h); /* expect-warning dmac-free-mismatch-or-leak */
	return ret;
}

EDU_FIXTURE_DRIVER(fx_scenario);
