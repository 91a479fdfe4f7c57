/* dma-sg-count-confusion: the mapped count is used as the descriptor count but never tested for 0 (failure). */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

#define SSX_NDESC	0x04
#define SSX_GO		0x08

struct ssx_desc {
	__le64 addr;
	__le32 len;
	__le32 flags;
};

struct ssx_host {
	struct device *dev;
	void __iomem *regs;
	struct ssx_desc *desc;
	struct completion done;
};

static int ssx_write_sg(struct ssx_host *h, struct scatterlist *sgl, int nents)
{
	struct scatterlist *sg;
	int count, i, ret = 0;

	count = dma_map_sg_attrs(h->dev, sgl, nents, DMA_TO_DEVICE, DMA_ATTR_NO_WARN); /* expect-warning dma-sg-count-confusion */

	for_each_sg(sgl, sg, count, i) {
		h->desc[i].addr = cpu_to_le64(sg_dma_address(sg));
		h->desc[i].len = cpu_to_le32(sg_dma_len(sg));
	}

	reinit_completion(&h->done);
	writel(count, h->regs + SSX_NDESC);
	writel(1, h->regs + SSX_GO);
	if (!wait_for_completion_timeout(&h->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_sg(h->dev, sgl, nents, DMA_TO_DEVICE);
	return ret;
}
