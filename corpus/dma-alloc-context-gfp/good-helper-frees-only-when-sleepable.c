/* dma-alloc-context-gfp (good): free_buf() frees coherent memory only when the caller says it can sleep; under the lock it is called with can_sleep=false and queues the buffer instead (virtio_console shape). */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct pb {
	struct list_head list;
	struct device *dev;
	void *buf;
	dma_addr_t dma;
	size_t size;
};

static DEFINE_SPINLOCK(pending_lock);
static LIST_HEAD(pending_free);

static void free_buf(struct pb *b, bool can_sleep)
{
	unsigned long flags;

	if (!can_sleep) {
		spin_lock_irqsave(&pending_lock, flags);
		list_add_tail(&b->list, &pending_free);
		spin_unlock_irqrestore(&pending_lock, flags);
		return;
	}
	dma_free_coherent(b->dev, b->size, b->buf, b->dma);
	kfree(b);
}

struct port {
	spinlock_t inbuf_lock;
	struct pb *inbuf;
};

static void port_discard(struct port *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->inbuf_lock, flags);
	if (p->inbuf)
		free_buf(p->inbuf, false);
	p->inbuf = NULL;
	spin_unlock_irqrestore(&p->inbuf_lock, flags);
}

static void port_remove(struct port *p)
{
	if (p->inbuf)
		free_buf(p->inbuf, true);
	p->inbuf = NULL;
}
