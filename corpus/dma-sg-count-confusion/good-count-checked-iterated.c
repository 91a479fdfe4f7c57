/* dma-sg-count-confusion (good): n is tested for 0, the device loop walks n entries, the unmap gets the original nents. */
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

	for_each_sg(sgl, sg, n, i)
		pdx_push_desc(pc, sg_dma_address(sg), sg_dma_len(sg));

	reinit_completion(&pc->done);
	writel(1, pc->regs);
	if (!wait_for_completion_timeout(&pc->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_sg(pc->dev, sgl, nents, DMA_TO_DEVICE);
	return ret;
}
