/* dma-alloc-context-gfp (good): the lock is taken through one pointer and released through another name for it; the allocation after the unlock runs in process context. */
#include <linux/dma-mapping.h>
#include <linux/spinlock.h>

#define AL_CTX_BYTES		1024

struct al_host {
	spinlock_t lock;
	struct device *dev;
	unsigned int users;
};

struct al_port {
	struct al_host *host;
	void *ctx;
	dma_addr_t ctx_dma;
};

static int al_port_start(struct al_port *ap)
{
	struct al_host *host = ap->host;
	spinlock_t *lock = &host->lock;

	spin_lock(&ap->host->lock);
	host->users++;
	spin_unlock(lock);

	ap->ctx = dma_alloc_coherent(host->dev, AL_CTX_BYTES, &ap->ctx_dma, GFP_KERNEL);
	if (!ap->ctx)
		return -ENOMEM;
	return 0;
}
