/* dma-pool-protocol (good): a helper creates both pools and the caller tests them; the create result returned to a caller is the caller's to test. */
#include <linux/dmapool.h>

struct tc_dev {
	struct device *dev;
	struct dma_pool *cmd_pool;
	struct dma_pool *sense_pool;
};

static void tc_make_pools(struct tc_dev *tc)
{
	tc->cmd_pool = dma_pool_create("tc-cmd", tc->dev, 64, 64, 0);
	tc->sense_pool = dma_pool_create("tc-sense", tc->dev, 96, 32, 0);
}

static struct dma_pool *tc_make_aux_pool(struct device *dev)
{
	return dma_pool_create("tc-aux", dev, 32, 32, 0);
}

static int tc_init(struct tc_dev *tc)
{
	struct dma_pool *aux;

	tc_make_pools(tc);
	if (!tc->cmd_pool || !tc->sense_pool) {
		dma_pool_destroy(tc->sense_pool);
		dma_pool_destroy(tc->cmd_pool);
		return -ENOMEM;
	}
	aux = tc_make_aux_pool(tc->dev);
	if (!aux)
		dev_warn(tc->dev, "no aux pool\n");
	else
		dma_pool_destroy(aux);
	return 0;
}
