/* dma-use-after-unmap (cross-function, good): a SPI controller unmaps the RX and TX buffers through helpers on exactly one of the error / success branches each. */
#include <linux/dma-mapping.h>
#include <linux/spi/spi.h>
#include <linux/io.h>

#define QSPI_TX_ADDR	0x20
#define QSPI_RX_ADDR	0x28
#define QSPI_LEN	0x30
#define QSPI_GO		0x34
#define QSPI_STS	0x38
#define QSPI_STS_ERR	BIT(4)

struct qspi {
	struct device *dev;
	void __iomem *base;
};

static void qspi_put_tx(struct qspi *qs, dma_addr_t tx, unsigned int len)
{
	dma_unmap_single(qs->dev, tx, len, DMA_TO_DEVICE);
}

static void qspi_put_rx(struct qspi *qs, dma_addr_t rx, unsigned int len)
{
	dma_unmap_single(qs->dev, rx, len, DMA_FROM_DEVICE);
}

int qspi_wait(struct qspi *qs);

static int qspi_transfer_one(struct spi_controller *ctlr, struct spi_device *spi, struct spi_transfer *t)
{
	struct qspi *qs = spi_controller_get_devdata(ctlr);
	dma_addr_t tx, rx;
	int ret;

	tx = dma_map_single(qs->dev, (void *)t->tx_buf, t->len, DMA_TO_DEVICE);
	if (dma_mapping_error(qs->dev, tx))
		return -ENOMEM;
	rx = dma_map_single(qs->dev, t->rx_buf, t->len, DMA_FROM_DEVICE);
	if (dma_mapping_error(qs->dev, rx)) {
		qspi_put_tx(qs, tx, t->len);
		return -ENOMEM;
	}

	lo_hi_writeq(tx, qs->base + QSPI_TX_ADDR);
	lo_hi_writeq(rx, qs->base + QSPI_RX_ADDR);
	writel(t->len, qs->base + QSPI_LEN);
	writel(1, qs->base + QSPI_GO);

	ret = qspi_wait(qs);
	if (ret || (readl(qs->base + QSPI_STS) & QSPI_STS_ERR)) {
		writel(0, qs->base + QSPI_GO);
		qspi_put_rx(qs, rx, t->len);
		qspi_put_tx(qs, tx, t->len);
		lo_hi_writeq(0, qs->base + QSPI_RX_ADDR);
		return ret ? ret : -EIO;
	} else {
		qspi_put_tx(qs, tx, t->len);
	}
	qspi_put_rx(qs, rx, t->len);
	spi_finalize_current_transfer(ctlr);
	return 0;
}
