/* dma-sg-count-confusion (good): an MMC host checks the count with "== 0", records it and hands the list to its IDMAC setup. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>
#include <linux/mmc/host.h>

struct mcx_host {
	struct device *dev;
	void __iomem *base;
	int sg_count;
};

int mcx_start_idmac(struct mcx_host *host, struct scatterlist *sgl, int count);

static int mcx_pre_dma(struct mcx_host *host, struct mmc_data *data)
{
	enum dma_data_direction dir = mmc_get_dma_dir(data);
	int sg_count;

	sg_count = dma_map_sg(host->dev, data->sg, data->sg_len, dir);
	if (sg_count == 0)
		return -EINVAL;

	host->sg_count = sg_count;
	return mcx_start_idmac(host, data->sg, sg_count);	/* unmapped in mcx_post_req() */
}
