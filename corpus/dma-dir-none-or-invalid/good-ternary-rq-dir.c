/* dma-dir-none-or-invalid (good): a block driver derives the direction from rq_data_dir() with an initialised ternary. */
#include <linux/blk-mq.h>
#include <linux/dma-mapping.h>

struct rbx_queue {
	struct device *dev;
	void __iomem *db;
};

struct rbx_cmd {
	struct scatterlist *sgl;
	int nents;
	int mapped;
};

void rbx_build_prps(struct rbx_queue *q, struct rbx_cmd *cmd, struct scatterlist *sgl, int n);

static blk_status_t rbx_map_rq(struct rbx_queue *q, struct request *rq, struct rbx_cmd *cmd)
{
	enum dma_data_direction dir = rq_data_dir(rq) == WRITE ? DMA_TO_DEVICE : DMA_FROM_DEVICE;
	struct scatterlist *sgl = cmd->sgl;
	int n;

	n = dma_map_sg_attrs(q->dev, sgl, cmd->nents, dir, DMA_ATTR_NO_WARN);
	if (!n)
		return BLK_STS_RESOURCE;

	cmd->mapped = n;
	rbx_build_prps(q, cmd, sgl, n);
	return BLK_STS_OK;
}
