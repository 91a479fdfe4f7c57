// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck kmod fixture sg-unmap-mapped-count (good twin): dma_unmap_sg is
 * given the count returned by dma_map_sg instead of nents.
 *
 * Rule: dma-sg-count-confusion.  Runtime expectations: fixture.conf.
 * This is the fixed twin of bad.c: dmacheck must report nothing here.
 */
#include <linux/scatterlist.h>
#define FX_NAME			"sg-unmap-mapped-count-good"
#define FX_SG_PART		(FX_LEN / 2)
#include "../common/edu-fixture.h"

/*
 * Send FX_LEN bytes through a two-entry scatterlist: the last half of one
 * page and the first half of another.  An IOMMU maps both into one IOVA
 * range and merges them, so dma_map_sg() returns 1 for nents = 2; without an
 * IOMMU (direct mapping, swiotlb) it returns 2.
 */
static int fx_scenario(struct device *dev, struct fx *fx)
{
	struct scatterlist sgl[2], *sg;
	const int nents = ARRAY_SIZE(sgl);
	u8 *buf0, *buf1, *rx;
	u32 devoff = 0;
	int i, n, ret = -ENOMEM;

	buf0 = (u8 *)__get_free_page(GFP_KERNEL);
	buf1 = (u8 *)__get_free_page(GFP_KERNEL);
	rx = kzalloc(FX_LEN, GFP_KERNEL);
	if (!buf0 || !buf1 || !rx)
		goto out;
	memset(buf0 + PAGE_SIZE - FX_SG_PART, FX_NEW, FX_SG_PART);
	memset(buf1, FX_NEW, FX_SG_PART);
	sg_init_table(sgl, nents);
	sg_set_buf(&sgl[0], buf0 + PAGE_SIZE - FX_SG_PART, FX_SG_PART);
	sg_set_buf(&sgl[1], buf1, FX_SG_PART);

	n = dma_map_sg(dev, sgl, nents, DMA_TO_DEVICE);
	if (!n)
		goto out;
	ret = 0;
	for_each_sg(sgl, sg, n, i) {
		ret = edu_dma(fx, sg_dma_address(sg), devoff, sg_dma_len(sg), false);
		if (ret)
			break;
		devoff += sg_dma_len(sg);
	}
	dma_unmap_sg(dev, sgl, nents, DMA_TO_DEVICE);
	if (!ret)
		ret = fx_read_device(dev, fx, rx, FX_LEN);
	if (!ret)
		pr_info("dmacheck-fixture: %s: segments=%d/%d data=%s\n", FX_NAME, n, nents,
			memchr_inv(rx, FX_NEW, FX_LEN) ? "stale" : "ok");
out:
	kfree(rx);
	free_page((unsigned long)buf1);
	free_page((unsigned long)buf0);
	return ret;
}

EDU_FIXTURE_DRIVER(fx_scenario);
