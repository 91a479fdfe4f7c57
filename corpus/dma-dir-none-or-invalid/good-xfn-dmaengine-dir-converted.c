/* dma-dir-none-or-invalid (good, cross-function): the SPI transfer path keeps the dmaengine direction for dmaengine_prep_slave_single() and converts it to an enum dma_data_direction before calling its map/unmap helpers. */
#include <linux/dmaengine.h>
#include <linux/dma-mapping.h>
#include <linux/spi/spi.h>

struct fspi {
	struct device *dev;
	struct dma_chan *tx_chan;
	struct dma_chan *rx_chan;
	struct completion done;
};

static enum dma_data_direction fspi_map_dir(enum dma_transfer_direction tdir)
{
	return tdir == DMA_MEM_TO_DEV ? DMA_TO_DEVICE : DMA_FROM_DEVICE;
}

static dma_addr_t fspi_map(struct dma_chan *chan, void *buf, size_t len,
			   enum dma_data_direction dir)
{
	struct device *dmadev = chan->device->dev;
	dma_addr_t addr;

	addr = dma_map_single(dmadev, buf, len, dir);
	if (dma_mapping_error(dmadev, addr))
		return DMA_MAPPING_ERROR;
	return addr;
}

static void fspi_unmap(struct dma_chan *chan, dma_addr_t addr, size_t len,
		       enum dma_data_direction dir)
{
	dma_unmap_single(chan->device->dev, addr, len, dir);
}

static void fspi_dma_done(void *arg)
{
	struct fspi *fs = arg;

	complete(&fs->done);
}

static int fspi_dma_xfer(struct fspi *fs, struct dma_chan *chan, void *buf, size_t len,
			 enum dma_transfer_direction tdir)
{
	enum dma_data_direction dir = fspi_map_dir(tdir);
	struct dma_async_tx_descriptor *desc;
	dma_addr_t addr;
	int ret = 0;

	addr = fspi_map(chan, buf, len, dir);
	if (addr == DMA_MAPPING_ERROR)
		return -ENOMEM;

	desc = dmaengine_prep_slave_single(chan, addr, len, tdir,
					   DMA_PREP_INTERRUPT | DMA_CTRL_ACK);
	if (!desc) {
		ret = -EIO;
		goto out_unmap;
	}
	desc->callback = fspi_dma_done;
	desc->callback_param = fs;
	reinit_completion(&fs->done);
	dmaengine_submit(desc);
	dma_async_issue_pending(chan);
	if (!wait_for_completion_timeout(&fs->done, msecs_to_jiffies(1000))) {
		dmaengine_terminate_sync(chan);
		ret = -ETIMEDOUT;
	}
out_unmap:
	fspi_unmap(chan, addr, len, dir);
	return ret;
}

int fspi_transfer_one(struct spi_controller *ctlr, struct spi_device *spi,
		      struct spi_transfer *t)
{
	struct fspi *fs = spi_controller_get_devdata(ctlr);

	if (t->tx_buf)
		return fspi_dma_xfer(fs, fs->tx_chan, (void *)t->tx_buf, t->len, DMA_MEM_TO_DEV);
	return fspi_dma_xfer(fs, fs->rx_chan, t->rx_buf, t->len, DMA_DEV_TO_MEM);
}
