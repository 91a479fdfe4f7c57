/* dma-use-after-unmap: a scatterlist is unmapped on the error path and again at the common exit. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

struct sdx_host {
	struct device *dev;
	void __iomem *base;
	struct completion xfer;
};

int sdx_setup_adma(struct sdx_host *host, struct scatterlist *sgl, int count);

static int sdx_read_blocks(struct sdx_host *host, struct scatterlist *sgl, int sg_len)
{
	int count, ret;

	count = dma_map_sg(host->dev, sgl, sg_len, DMA_FROM_DEVICE);
	if (!count)
		return -ENOMEM;

	ret = sdx_setup_adma(host, sgl, count);
	if (ret) {
		dma_unmap_sg(host->dev, sgl, sg_len, DMA_FROM_DEVICE);
		goto out;
	}

	reinit_completion(&host->xfer);
	writel(1, host->base);
	if (!wait_for_completion_timeout(&host->xfer, HZ))
		ret = -ETIMEDOUT;
out:
	dma_unmap_sg(host->dev, sgl, sg_len, DMA_FROM_DEVICE); /* expect-warning dma-use-after-unmap */
	return ret;
}
