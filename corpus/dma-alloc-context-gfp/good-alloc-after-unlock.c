/* dma-alloc-context-gfp (good): the ring is allocated with GFP_KERNEL after the lock is dropped, then published under the lock; the old ring is freed after the unlock. */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>
#include <linux/spinlock.h>

#define GR_DESC_BYTES		32

struct gr_priv {
	struct device *dev;
	spinlock_t lock;
	void *ring;
	dma_addr_t ring_dma;
	unsigned int count;
	bool resizing;
};

static int gr_resize(struct gr_priv *gp, unsigned int count)
{
	void *ring, *old;
	dma_addr_t dma, old_dma;
	unsigned int old_count;
	unsigned long flags;

	spin_lock_irqsave(&gp->lock, flags);
	if (gp->resizing) {
		spin_unlock_irqrestore(&gp->lock, flags);
		return -EBUSY;
	}
	gp->resizing = true;
	spin_unlock_irqrestore(&gp->lock, flags);

	ring = dma_alloc_coherent(gp->dev, count * GR_DESC_BYTES, &dma, GFP_KERNEL);

	spin_lock_irqsave(&gp->lock, flags);
	gp->resizing = false;
	if (!ring) {
		spin_unlock_irqrestore(&gp->lock, flags);
		return -ENOMEM;
	}
	old = gp->ring;
	old_dma = gp->ring_dma;
	old_count = gp->count;
	gp->ring = ring;
	gp->ring_dma = dma;
	gp->count = count;
	spin_unlock_irqrestore(&gp->lock, flags);

	if (old)
		dma_free_coherent(gp->dev, old_count * GR_DESC_BYTES, old, old_dma);
	return 0;
}
