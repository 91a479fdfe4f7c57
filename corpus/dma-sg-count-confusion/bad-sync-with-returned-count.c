/* dma-sg-count-confusion: the scatterlist is synced with the mapped count instead of the original nents. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

struct vcap {
	struct device *dev;
	void __iomem *regs;
	struct completion frame;
};

void vcap_program(struct vcap *vc, struct scatterlist *sgl, int count);
void vcap_deliver(struct vcap *vc, struct scatterlist *sgl, int nents);

static int vcap_capture(struct vcap *vc, struct scatterlist *sgl, int nents, int frames)
{
	int n, f, ret = 0;

	n = dma_map_sg(vc->dev, sgl, nents, DMA_FROM_DEVICE);
	if (n <= 0)
		return -ENOMEM;

	vcap_program(vc, sgl, n);
	for (f = 0; f < frames; f++) {
		reinit_completion(&vc->frame);
		writel(1, vc->regs);
		if (!wait_for_completion_timeout(&vc->frame, HZ)) {
			ret = -ETIMEDOUT;
			break;
		}
		dma_sync_sg_for_cpu(vc->dev, sgl, n, DMA_FROM_DEVICE); /* expect-warning dma-sg-count-confusion */
		vcap_deliver(vc, sgl, nents);
		dma_sync_sg_for_device(vc->dev, sgl, nents, DMA_FROM_DEVICE);
	}

	dma_unmap_sg(vc->dev, sgl, nents, DMA_FROM_DEVICE);
	return ret;
}
