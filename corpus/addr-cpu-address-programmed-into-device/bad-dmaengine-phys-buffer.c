/* addr-cpu-address-programmed-into-device: a DMA engine is given virt_to_phys() of a kmalloc buffer. */
#include <linux/dmaengine.h>
#include <linux/slab.h>

struct spi_xfer_ctx {
	struct dma_chan *chan;
	void *bounce;
	size_t len;
};

static int spi_dma_tx(struct spi_xfer_ctx *x)
{
	struct dma_async_tx_descriptor *d;

	x->bounce = kmalloc(x->len, GFP_KERNEL);
	if (!x->bounce)
		return -ENOMEM;
	d = dmaengine_prep_slave_single(x->chan, virt_to_phys(x->bounce), x->len,	/* expect-warning addr-cpu-address-programmed-into-device */
					DMA_MEM_TO_DEV, DMA_PREP_INTERRUPT);
	if (!d)
		return -EIO;
	dmaengine_submit(d);
	dma_async_issue_pending(x->chan);
	return 0;
}
