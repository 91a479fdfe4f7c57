/* dma-pool-protocol: alloc_chan_resources creates the TCD pool but never tests it for NULL; prep then allocates from a NULL pool (fsl-edma shape). */
#include <linux/dmaengine.h>
#include <linux/dmapool.h>

struct fe_tcd {
	__le32 saddr;
	__le32 daddr;
	__le32 nbytes;
	__le32 csr;
};

struct fe_chan {
	struct dma_chan chan;
	struct dma_pool *tcd_pool;
};

#define to_fe_chan(c) container_of(c, struct fe_chan, chan)

static int fe_alloc_chan_resources(struct dma_chan *chan)
{
	struct fe_chan *fc = to_fe_chan(chan);

	fc->tcd_pool = dma_pool_create("tcd_pool", chan->device->dev, /* expect-warning dma-pool-protocol */
				       sizeof(struct fe_tcd), 32, 0);
	return 0;
}

static void fe_free_chan_resources(struct dma_chan *chan)
{
	struct fe_chan *fc = to_fe_chan(chan);

	dma_pool_destroy(fc->tcd_pool);
	fc->tcd_pool = NULL;
}
