/* dma-unmap-args-mismatch (good): dma_map_sgtable() released with dma_unmap_sgtable(), same direction and attrs. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

struct gsx_gpu {
	struct device *dev;
	void __iomem *regs;
	struct completion idle;
};

int gsx_emit_copy(struct gsx_gpu *gpu, struct sg_table *sgt, u64 dst);

static int gsx_blit_from_sgt(struct gsx_gpu *gpu, struct sg_table *sgt, u64 dst)
{
	int ret;

	ret = dma_map_sgtable(gpu->dev, sgt, DMA_TO_DEVICE, DMA_ATTR_SKIP_CPU_SYNC);
	if (ret < 0)
		return ret;

	reinit_completion(&gpu->idle);
	ret = gsx_emit_copy(gpu, sgt, dst);
	if (!ret && !wait_for_completion_timeout(&gpu->idle, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_sgtable(gpu->dev, sgt, DMA_TO_DEVICE, DMA_ATTR_SKIP_CPU_SYNC);
	return ret;
}
