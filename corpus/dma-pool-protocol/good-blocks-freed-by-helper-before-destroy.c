/* dma-pool-protocol (good): blocks taken in probe are handed to a list; teardown walks the list to free them, then destroys the pool. */
#include <linux/dmapool.h>
#include <linux/list.h>
#include <linux/slab.h>

struct lb_entry {
	struct list_head node;
	void *blk;
	dma_addr_t blk_dma;
};

struct lb_dev {
	struct device *dev;
	struct dma_pool *pool;
	struct list_head blocks;
};

static void lb_free_all(struct lb_dev *lb)
{
	struct lb_entry *e, *tmp;

	list_for_each_entry_safe(e, tmp, &lb->blocks, node) {
		list_del(&e->node);
		dma_pool_free(lb->pool, e->blk, e->blk_dma);
		kfree(e);
	}
}

static int lb_add_block(struct lb_dev *lb, struct lb_entry *e)
{
	void *blk;
	dma_addr_t blk_dma;

	blk = dma_pool_zalloc(lb->pool, GFP_KERNEL, &blk_dma);
	if (!blk)
		return -ENOMEM;
	e->blk = blk;
	e->blk_dma = blk_dma;
	list_add_tail(&e->node, &lb->blocks);
	return 0;
}

static void lb_teardown(struct lb_dev *lb)
{
	lb_free_all(lb);
	dma_pool_destroy(lb->pool);
	lb->pool = NULL;
}
