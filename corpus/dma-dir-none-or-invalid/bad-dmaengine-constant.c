/* dma-dir-none-or-invalid: the dmaengine transfer direction DMA_MEM_TO_DEV is passed to the DMA mapping API. */
#include <linux/dmaengine.h>
#include <linux/dma-mapping.h>

struct uartx_port {
	struct device *dev;
	struct dma_chan *txchan;
	struct completion tx_done;
};

static void uartx_tx_dma_done(void *param)
{
	struct uartx_port *up = param;

	complete(&up->tx_done);
}

static int uartx_dma_tx(struct uartx_port *up, void *buf, size_t len)
{
	struct device *dmadev = up->txchan->device->dev;
	struct dma_async_tx_descriptor *desc;
	dma_addr_t dma;
	int ret = 0;

	dma = dma_map_single(dmadev, buf, len, DMA_MEM_TO_DEV); /* expect-warning dma-dir-none-or-invalid */
	if (dma_mapping_error(dmadev, dma))
		return -ENOMEM;

	desc = dmaengine_prep_slave_single(up->txchan, dma, len, DMA_MEM_TO_DEV,
					   DMA_PREP_INTERRUPT);
	if (!desc) {
		ret = -EBUSY;
		goto unmap;
	}
	desc->callback = uartx_tx_dma_done;
	desc->callback_param = up;

	reinit_completion(&up->tx_done);
	dmaengine_submit(desc);
	dma_async_issue_pending(up->txchan);
	if (!wait_for_completion_timeout(&up->tx_done, HZ)) {
		dmaengine_terminate_sync(up->txchan);
		ret = -ETIMEDOUT;
	}
unmap:
	dma_unmap_single(dmadev, dma, len, DMA_MEM_TO_DEV); /* expect-warning dma-dir-none-or-invalid */
	return ret;
}
