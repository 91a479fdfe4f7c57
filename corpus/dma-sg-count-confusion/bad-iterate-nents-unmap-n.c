/* dma-sg-count-confusion: the programming loop walks nents instead of n, and the unmap passes n instead of nents. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

struct pdx_chan {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

void pdx_push_desc(struct pdx_chan *pc, dma_addr_t addr, unsigned int len);

static int pdx_xfer(struct pdx_chan *pc, struct scatterlist *sgl, int nents)
{
	struct scatterlist *sg;
	int n, i, ret = 0;

	n = dma_map_sg(pc->dev, sgl, nents, DMA_TO_DEVICE);
	if (!n)
		return -ENOMEM;

	for_each_sg(sgl, sg, nents, i) /* expect-warning dma-sg-count-confusion */
		pdx_push_desc(pc, sg_dma_address(sg), sg_dma_len(sg));

	reinit_completion(&pc->done);
	writel(1, pc->regs);
	if (!wait_for_completion_timeout(&pc->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_sg(pc->dev, sgl, n, DMA_TO_DEVICE); /* expect-warning dma-sg-count-confusion */
	return ret;
}
