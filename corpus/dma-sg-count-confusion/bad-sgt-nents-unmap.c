/* dma-sg-count-confusion: an sg_table mapped by hand is unmapped with sgt->nents (the DMA count) instead of orig_nents. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

struct dbx_attach {
	struct device *dev;
	struct sg_table *sgt;
};

int dbx_import(struct dbx_attach *at, struct scatterlist *sgl, unsigned int count);

static int dbx_map_attachment(struct dbx_attach *at, struct sg_table *sgt)
{
	int ret;

	sgt->nents = dma_map_sg(at->dev, sgt->sgl, sgt->orig_nents, DMA_BIDIRECTIONAL);
	if (!sgt->nents)
		return -ENOMEM;

	ret = dbx_import(at, sgt->sgl, sgt->nents);
	if (ret) {
		dma_unmap_sg(at->dev, sgt->sgl, sgt->nents, DMA_BIDIRECTIONAL); /* expect-warning dma-sg-count-confusion */
		return ret;
	}
	at->sgt = sgt;
	return 0;
}
