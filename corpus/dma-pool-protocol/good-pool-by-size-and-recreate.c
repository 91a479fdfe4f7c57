/* dma-pool-protocol (good): the pool is chosen by size at both ends, and a destroyed pool is re-created (NULL-assigned first) before it is used again. */
#include <linux/dmapool.h>

#define SM_SMALL		256
#define SM_LARGE		2048

struct sm_buf {
	void *va;
	dma_addr_t pa;
	size_t len;
};

struct sm_dev {
	struct device *dev;
	struct dma_pool *small_pool;
	struct dma_pool *large_pool;
};

static int sm_get(struct sm_dev *sd, struct sm_buf *b, size_t len)
{
	struct dma_pool *pool = len <= SM_SMALL ? sd->small_pool : sd->large_pool;

	b->va = dma_pool_alloc(pool, GFP_KERNEL, &b->pa);
	if (!b->va)
		return -ENOMEM;
	b->len = len;
	return 0;
}

static void sm_put(struct sm_dev *sd, struct sm_buf *b)
{
	struct dma_pool *pool = b->len <= SM_SMALL ? sd->small_pool : sd->large_pool;

	dma_pool_free(pool, b->va, b->pa);
	b->va = NULL;
}

static int sm_reset_large(struct sm_dev *sd)
{
	dma_pool_destroy(sd->large_pool);
	sd->large_pool = NULL;
	sd->large_pool = dma_pool_create("sm-large", sd->dev, SM_LARGE, 64, 0);
	if (!sd->large_pool)
		return -ENOMEM;
	return 0;
}
