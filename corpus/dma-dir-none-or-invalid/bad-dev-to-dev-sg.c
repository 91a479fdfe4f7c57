/* dma-dir-none-or-invalid: DMA_DEV_TO_DEV (== 3 == DMA_NONE) used as the scatterlist mapping direction. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

struct p2p_engine {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

void p2p_load_desc(struct p2p_engine *pe, dma_addr_t addr, u32 len, bool last);

static int p2p_copy(struct p2p_engine *pe, struct scatterlist *sgl, int nents)
{
	struct scatterlist *sg;
	int n, i, ret = 0;

	n = dma_map_sg(pe->dev, sgl, nents, DMA_DEV_TO_DEV); /* expect-warning dma-dir-none-or-invalid */
	if (!n)
		return -ENOMEM;

	for_each_sg(sgl, sg, n, i)
		p2p_load_desc(pe, sg_dma_address(sg), sg_dma_len(sg), i == n - 1);

	reinit_completion(&pe->done);
	writel(1, pe->regs);
	if (!wait_for_completion_timeout(&pe->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_sg(pe->dev, sgl, nents, DMA_DEV_TO_DEV); /* expect-warning dma-dir-none-or-invalid */
	return ret;
}
