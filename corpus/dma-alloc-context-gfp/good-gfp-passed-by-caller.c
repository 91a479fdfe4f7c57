/* dma-alloc-context-gfp (good): the descriptor helper takes its gfp_t from the caller - GFP_ATOMIC under the channel lock, GFP_KERNEL from process context. */
#include <linux/dmapool.h>
#include <linux/spinlock.h>

struct gd_desc {
	__le64 src, dst;
	__le32 len, ctrl;
};

struct gd_chan {
	struct device *dev;
	spinlock_t lock;
	struct dma_pool *pool;
	struct gd_desc *prealloc;
	dma_addr_t prealloc_dma;
};

static struct gd_desc *gd_get_desc(struct gd_chan *gc, gfp_t gfp, dma_addr_t *dma)
{
	return dma_pool_zalloc(gc->pool, gfp, dma);
}

static int gd_prep(struct gd_chan *gc)
{
	struct gd_desc *d;
	dma_addr_t dma;
	unsigned long flags;

	spin_lock_irqsave(&gc->lock, flags);
	d = gd_get_desc(gc, GFP_ATOMIC, &dma);
	if (d) {
		gc->prealloc = d;
		gc->prealloc_dma = dma;
	}
	spin_unlock_irqrestore(&gc->lock, flags);
	return d ? 0 : -ENOMEM;
}

static int gd_alloc_chan_resources(struct gd_chan *gc)
{
	struct gd_desc *d;
	dma_addr_t dma;

	d = gd_get_desc(gc, GFP_KERNEL, &dma);
	if (!d)
		return -ENOMEM;
	gc->prealloc = d;
	gc->prealloc_dma = dma;
	return 0;
}
