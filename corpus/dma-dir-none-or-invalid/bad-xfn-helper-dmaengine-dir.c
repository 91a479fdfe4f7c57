/* dma-dir-none-or-invalid (cross-function): an SPI controller's map helper takes an enum dma_data_direction, but the transfer function passes it the dmaengine constants DMA_MEM_TO_DEV / DMA_DEV_TO_MEM it also gives to dmaengine_prep_slave_single(). */
#include <linux/dmaengine.h>
#include <linux/dma-mapping.h>
#include <linux/spi/spi.h>

struct qspix {
	struct device *dev;
	struct dma_chan *tx_chan;
	struct dma_chan *rx_chan;
	struct completion xfer_done;
	dma_addr_t tx_dma;
	dma_addr_t rx_dma;
};

static dma_addr_t qspix_map(struct qspix *qs, struct dma_chan *chan, void *buf,
			    size_t len, enum dma_data_direction dir)
{
	struct device *dmadev = chan->device->dev;
	dma_addr_t addr;

	addr = dma_map_single(dmadev, buf, len, dir);
	if (dma_mapping_error(dmadev, addr))
		return DMA_MAPPING_ERROR;
	return addr;
}

static void qspix_unmap(struct qspix *qs, struct dma_chan *chan, dma_addr_t addr,
			size_t len, enum dma_data_direction dir)
{
	dma_unmap_single(chan->device->dev, addr, len, dir);
}

static void qspix_dma_done(void *arg)
{
	struct qspix *qs = arg;

	complete(&qs->xfer_done);
}

static int qspix_submit(struct dma_chan *chan, dma_addr_t addr, size_t len,
			enum dma_transfer_direction tdir, struct qspix *qs)
{
	struct dma_async_tx_descriptor *desc;

	desc = dmaengine_prep_slave_single(chan, addr, len, tdir,
					   DMA_PREP_INTERRUPT | DMA_CTRL_ACK);
	if (!desc)
		return -EIO;
	desc->callback = qspix_dma_done;
	desc->callback_param = qs;
	dmaengine_submit(desc);
	dma_async_issue_pending(chan);
	return 0;
}

static int qspix_transfer_tx(struct qspix *qs, struct spi_transfer *t)
{
	int ret;

	qs->tx_dma = qspix_map(qs, qs->tx_chan, (void *)t->tx_buf, t->len, DMA_MEM_TO_DEV); /* expect-warning dma-dir-none-or-invalid */
	if (qs->tx_dma == DMA_MAPPING_ERROR)
		return -ENOMEM;

	reinit_completion(&qs->xfer_done);
	ret = qspix_submit(qs->tx_chan, qs->tx_dma, t->len, DMA_MEM_TO_DEV, qs);
	if (!ret && !wait_for_completion_timeout(&qs->xfer_done, msecs_to_jiffies(500))) {
		dmaengine_terminate_sync(qs->tx_chan);
		ret = -ETIMEDOUT;
	}
	qspix_unmap(qs, qs->tx_chan, qs->tx_dma, t->len, DMA_MEM_TO_DEV); /* expect-warning dma-dir-none-or-invalid */
	return ret;
}

static int qspix_transfer_rx(struct qspix *qs, struct spi_transfer *t)
{
	int ret;

	qs->rx_dma = qspix_map(qs, qs->rx_chan, t->rx_buf, t->len, DMA_DEV_TO_MEM); /* expect-warning dma-dir-none-or-invalid */
	if (qs->rx_dma == DMA_MAPPING_ERROR)
		return -ENOMEM;

	reinit_completion(&qs->xfer_done);
	ret = qspix_submit(qs->rx_chan, qs->rx_dma, t->len, DMA_DEV_TO_MEM, qs);
	if (!ret && !wait_for_completion_timeout(&qs->xfer_done, msecs_to_jiffies(500))) {
		dmaengine_terminate_sync(qs->rx_chan);
		ret = -ETIMEDOUT;
	}
	qspix_unmap(qs, qs->rx_chan, qs->rx_dma, t->len, DMA_DEV_TO_MEM); /* expect-warning dma-dir-none-or-invalid */
	return ret;
}

int qspix_transfer_one(struct spi_controller *ctlr, struct spi_device *spi,
		       struct spi_transfer *t)
{
	struct qspix *qs = spi_controller_get_devdata(ctlr);

	if (t->tx_buf)
		return qspix_transfer_tx(qs, t);
	return qspix_transfer_rx(qs, t);
}
