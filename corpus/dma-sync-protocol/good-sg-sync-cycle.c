/* dma-sync-protocol (good): a scatterlist synced with the original nents and the mapping's direction, both ways. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

struct cam_dma {
	struct device *dev;
	void __iomem *regs;
	struct completion frame;
};

void cam_program_sg(struct cam_dma *cd, struct scatterlist *sgl, int count);
size_t cam_consume(struct scatterlist *sgl, int nents);

static int cam_grab_frames(struct cam_dma *cd, struct scatterlist *sgl, int nents, int frames)
{
	int count, f, ret = 0;

	count = dma_map_sg(cd->dev, sgl, nents, DMA_FROM_DEVICE);
	if (!count)
		return -ENOMEM;

	cam_program_sg(cd, sgl, count);
	for (f = 0; f < frames; f++) {
		reinit_completion(&cd->frame);
		writel(1, cd->regs);
		if (!wait_for_completion_timeout(&cd->frame, HZ)) {
			ret = -ETIMEDOUT;
			break;
		}
		dma_sync_sg_for_cpu(cd->dev, sgl, nents, DMA_FROM_DEVICE);
		cam_consume(sgl, nents);
		dma_sync_sg_for_device(cd->dev, sgl, nents, DMA_FROM_DEVICE);
	}

	dma_unmap_sg(cd->dev, sgl, nents, DMA_FROM_DEVICE);
	return ret;
}
