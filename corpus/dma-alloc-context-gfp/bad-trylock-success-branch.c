/* dma-alloc-context-gfp: the allocation runs in the branch where spin_trylock_irqsave() succeeded, i.e. with the lock held and interrupts off. */
#include <linux/dma-mapping.h>
#include <linux/spinlock.h>

#define EV_RING_BYTES		SZ_8K

struct ev_dev {
	struct device *dev;
	spinlock_t lock;
	void *ring;
	dma_addr_t ring_dma;
};

static int ev_try_grow(struct ev_dev *ed)
{
	unsigned long flags;
	int ret = -EBUSY;

	if (spin_trylock_irqsave(&ed->lock, flags)) {
		if (!ed->ring) {
			ed->ring = dma_alloc_coherent(ed->dev, EV_RING_BYTES, &ed->ring_dma, GFP_KERNEL); /* expect-warning dma-alloc-context-gfp */
			ret = ed->ring ? 0 : -ENOMEM;
		} else {
			ret = 0;
		}
		spin_unlock_irqrestore(&ed->lock, flags);
	}
	return ret;
}
