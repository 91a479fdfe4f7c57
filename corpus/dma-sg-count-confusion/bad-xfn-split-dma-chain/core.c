/* dma-sg-count-confusion across files: core.c maps each request's sg_table with dma_map_sgtable() and releases it; the descriptor chain is written by chain.c, which walks orig_nents. */
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
	dma_unmap_sgtable(eng->dev, &rq->sgt, rq->dir, 0);
}
