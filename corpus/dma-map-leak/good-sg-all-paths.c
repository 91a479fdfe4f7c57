/* dma-map-leak (good): a scatterlist mapping released on the error, busy and success paths. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

#define SPI_DMA_TX_ADDR		0x80
#define SPI_DMA_TX_LEN		0x88
#define SPI_DMA_CTRL		0x8c
#define SPI_DMA_STATUS		0x90
#define SPI_DMA_BUSY		BIT(0)

struct fspi_host {
	struct device *dev;
	void __iomem *base;
	struct completion xfer_done;
};

static int fspi_dma_tx(struct fspi_host *host, struct scatterlist *sgl, int nents)
{
	struct scatterlist *sg;
	int count, i, ret = 0;

	count = dma_map_sg(host->dev, sgl, nents, DMA_TO_DEVICE);
	if (count == 0)
		return -ENOMEM;

	if (readl(host->base + SPI_DMA_STATUS) & SPI_DMA_BUSY) {
		ret = -EBUSY;
		goto out_unmap;
	}

	for_each_sg(sgl, sg, count, i) {
		reinit_completion(&host->xfer_done);
		lo_hi_writeq(sg_dma_address(sg), host->base + SPI_DMA_TX_ADDR);
		writel(sg_dma_len(sg), host->base + SPI_DMA_TX_LEN);
		writel(1, host->base + SPI_DMA_CTRL);
		if (!wait_for_completion_timeout(&host->xfer_done, HZ)) {
			ret = -ETIMEDOUT;
			break;
		}
	}

out_unmap:
	dma_unmap_sg(host->dev, sgl, nents, DMA_TO_DEVICE);
	return ret;
}
