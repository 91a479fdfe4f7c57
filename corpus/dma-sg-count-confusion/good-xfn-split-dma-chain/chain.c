/* dma-sg-count-confusion (good) across files: the descriptor chain is built from the mapped segments (for_each_sgtable_dma_sg), bounded by sgt.nents. */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include "xdma.h"

/* struct xdma_req is defined in core.c */

int xdma_chain_build(struct xdma_engine *eng, struct xdma_req *rq)
{
	struct xdma_hw_desc *d = rq->descs;
	struct scatterlist *sg;
	unsigned int i;

	if (rq->sgt.nents > XDMA_MAX_DESCS)
		return -E2BIG;
	for_each_sgtable_dma_sg(&rq->sgt, sg, i) {
		d[i].src = cpu_to_le64(sg_dma_address(sg));
		d[i].len = cpu_to_le32(sg_dma_len(sg));
		d[i].next = cpu_to_le64(rq->descs_dma + (i + 1) * sizeof(*d));
	}
	d[i - 1].next = 0;
	rq->ndescs = i;
	dma_sync_single_for_device(eng->dev, rq->descs_dma, i * sizeof(*d), DMA_TO_DEVICE);
	writeq(rq->descs_dma, eng->regs + XDMA_CHAIN_HEAD);
	return 0;
}
