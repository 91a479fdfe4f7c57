/* dma-sg-count-confusion: dma_map_sg()'s return value is thrown away, and descriptors are built from the original nents. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

struct i2sx_desc {
	__le32 addr;
	__le32 len;
};

struct i2sx_dev {
	struct device *dev;
	void __iomem *regs;
	struct i2sx_desc *ring;
	struct completion done;
};

static int i2sx_play_sg(struct i2sx_dev *id, struct scatterlist *sgl, int nents)
{
	struct scatterlist *sg;
	int i, ret = 0;

	dma_map_sg(id->dev, sgl, nents, DMA_TO_DEVICE); /* expect-warning dma-sg-count-confusion */

	for_each_sg(sgl, sg, nents, i) { /* expect-warning dma-sg-count-confusion */
		id->ring[i].addr = cpu_to_le32(lower_32_bits(sg_dma_address(sg)));
		id->ring[i].len = cpu_to_le32(sg_dma_len(sg));
	}

	reinit_completion(&id->done);
	writel(nents, id->regs);
	if (!wait_for_completion_timeout(&id->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_sg(id->dev, sgl, nents, DMA_TO_DEVICE);
	return ret;
}
