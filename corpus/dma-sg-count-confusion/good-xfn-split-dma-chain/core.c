/* dma-sg-count-confusion (good) across files: core.c maps each request's sg_table with dma_map_sgtable() and releases it with dma_unmap_sgtable(); chain.c walks the DMA side with for_each_sgtable_dma_sg(). */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include "xdma.h"

struct xdma_req {
	struct sg_table sgt;
	enum dma_data_direction dir;
	struct xdma_hw_desc *descs;
	dma_addr_t descs_dma;
	unsigned int ndescs;
};

int xdma_chain_build(struct xdma_engine *eng, struct xdma_req *rq);

int xdma_req_prepare(struct xdma_engine *eng, struct xdma_req *rq)
{
	int ret;

	ret = dma_map_sgtable(eng->dev, &rq->sgt, rq->dir, 0);
	if (ret)
		return ret;
	ret = xdma_chain_build(eng, rq);
	if (ret)
		dma_unmap_sgtable(eng->dev, &rq->sgt, rq->dir, 0);
	return ret;
}

void xdma_req_complete(struct xdma_engine *eng, struct xdma_req *rq)
{
	if (rq->dir == DMA_FROM_DEVICE)
		dma_sync_sgtable_for_cpu(eng->dev, &rq->sgt, rq->dir);
	dma_unmap_sgtable(eng->dev, &rq->sgt, rq->dir, 0);
}
