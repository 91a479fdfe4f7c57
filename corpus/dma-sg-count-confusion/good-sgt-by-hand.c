/* dma-sg-count-confusion (good): an sg_table mapped by hand keeps nents for iteration and orig_nents for the unmap. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

struct dbx_attach {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

void dbx_load(struct dbx_attach *at, dma_addr_t addr, unsigned int len);

static int dbx_copy_out(struct dbx_attach *at, struct sg_table *sgt)
{
	struct scatterlist *sg;
	int i, ret = 0;

	sgt->nents = dma_map_sg(at->dev, sgt->sgl, sgt->orig_nents, DMA_TO_DEVICE);
	if (!sgt->nents)
		return -ENOMEM;

	for_each_sg(sgt->sgl, sg, sgt->nents, i)
		dbx_load(at, sg_dma_address(sg), sg_dma_len(sg));

	reinit_completion(&at->done);
	writel(1, at->regs);
	if (!wait_for_completion_timeout(&at->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_sg(at->dev, sgt->sgl, sgt->orig_nents, DMA_TO_DEVICE);
	return ret;
}
