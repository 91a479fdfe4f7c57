/* dma-sync-protocol: a scatterlist mapped DMA_FROM_DEVICE is synced for the CPU as DMA_BIDIRECTIONAL. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

struct cam_dma {
	struct device *dev;
	void __iomem *regs;
	struct completion frame;
};

void cam_program_sg(struct cam_dma *cd, struct scatterlist *sgl, int count);
size_t cam_consume(struct scatterlist *sgl, int nents);

static int cam_grab(struct cam_dma *cd, struct scatterlist *sgl, int nents)
{
	int count, ret = 0;

	count = dma_map_sg(cd->dev, sgl, nents, DMA_FROM_DEVICE);
	if (!count)
		return -ENOMEM;

	reinit_completion(&cd->frame);
	cam_program_sg(cd, sgl, count);
	if (!wait_for_completion_timeout(&cd->frame, HZ)) {
		ret = -ETIMEDOUT;
		goto out;
	}

	dma_sync_sg_for_cpu(cd->dev, sgl, nents, DMA_BIDIRECTIONAL); /* expect-warning dma-sync-protocol */
	cam_consume(sgl, nents);
out:
	dma_unmap_sg(cd->dev, sgl, nents, DMA_FROM_DEVICE);
	return ret;
}
