/* dma-sg-count-confusion: an MMC host stores the mapped count and later passes it to dma_unmap_sg(). */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

struct mcx_host {
	struct device *dev;
	void __iomem *base;
	struct completion data_done;
};

void mcx_fill_idmac(struct mcx_host *host, struct scatterlist *sgl, int count);

static int mcx_do_data(struct mcx_host *host, struct scatterlist *sgl, unsigned int sg_len, bool write)
{
	enum dma_data_direction dir = write ? DMA_TO_DEVICE : DMA_FROM_DEVICE;
	int sg_count, ret = 0;

	sg_count = dma_map_sg(host->dev, sgl, sg_len, dir);
	if (sg_count == 0)
		return -EINVAL;

	mcx_fill_idmac(host, sgl, sg_count);
	reinit_completion(&host->data_done);
	writel(1, host->base);
	if (!wait_for_completion_timeout(&host->data_done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_sg(host->dev, sgl, sg_count, dir); /* expect-warning dma-sg-count-confusion */
	return ret;
}
