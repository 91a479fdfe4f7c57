/* dma-map-leak (good): two mappings and an allocation unwound in reverse order by a goto ladder. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define CRY_REG_SRC	0x00
#define CRY_REG_DST	0x08
#define CRY_REG_LEN	0x10
#define CRY_REG_GO	0x14
#define CRY_TIMEOUT	(HZ / 10)

struct cry_job {
	struct list_head node;
	u32 flags;
};

struct cry_engine {
	struct device *dev;
	void __iomem *base;
	struct completion done;
	struct list_head jobs;
};

static int cry_run_block(struct cry_engine *ce, const void *src, void *dst, size_t len)
{
	struct cry_job *job;
	dma_addr_t src_dma, dst_dma;
	int ret;

	src_dma = dma_map_single(ce->dev, (void *)src, len, DMA_TO_DEVICE);
	if (dma_mapping_error(ce->dev, src_dma))
		return -ENOMEM;

	dst_dma = dma_map_single(ce->dev, dst, len, DMA_FROM_DEVICE);
	if (dma_mapping_error(ce->dev, dst_dma)) {
		ret = -ENOMEM;
		goto err_unmap_src;
	}

	job = kzalloc(sizeof(*job), GFP_KERNEL);
	if (!job) {
		ret = -ENOMEM;
		goto err_unmap_dst;
	}

	reinit_completion(&ce->done);
	lo_hi_writeq(src_dma, ce->base + CRY_REG_SRC);
	lo_hi_writeq(dst_dma, ce->base + CRY_REG_DST);
	writel(len, ce->base + CRY_REG_LEN);
	writel(1, ce->base + CRY_REG_GO);

	if (!wait_for_completion_timeout(&ce->done, CRY_TIMEOUT))
		ret = -ETIMEDOUT;
	else
		ret = 0;

	kfree(job);
err_unmap_dst:
	dma_unmap_single(ce->dev, dst_dma, len, DMA_FROM_DEVICE);
err_unmap_src:
	dma_unmap_single(ce->dev, src_dma, len, DMA_TO_DEVICE);
	return ret;
}
