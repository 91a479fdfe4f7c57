/* dma-dir-none-or-invalid (good, cross-function): an MMC host takes the direction from mmc_get_dma_dir() in pre_req and stores it; the bounce-buffer map helper and the post_req unmap helper get it from there. */
#include <linux/dma-mapping.h>
#include <linux/mmc/host.h>
#include <linux/mmc/core.h>

struct xmmc_host {
	struct device *dev;
	void *bounce;
	dma_addr_t bounce_dma;
	size_t bounce_len;
	enum dma_data_direction bounce_dir;
	void __iomem *base;
};

static dma_addr_t xmmc_map_bounce(struct xmmc_host *host, size_t len,
				  enum dma_data_direction dir)
{
	dma_addr_t addr;

	addr = dma_map_single(host->dev, host->bounce, len, dir);
	if (dma_mapping_error(host->dev, addr))
		return 0;
	return addr;
}

static void xmmc_unmap_bounce(struct xmmc_host *host, dma_addr_t addr, size_t len,
			      enum dma_data_direction dir)
{
	dma_unmap_single(host->dev, addr, len, dir);
}

static void xmmc_pre_req(struct mmc_host *mmc, struct mmc_request *mrq)
{
	struct xmmc_host *host = mmc_priv(mmc);
	struct mmc_data *data = mrq->data;
	enum dma_data_direction dir;
	size_t len;

	if (!data)
		return;
	dir = mmc_get_dma_dir(data);
	len = data->blksz * data->blocks;
	if (dir == DMA_TO_DEVICE)
		sg_copy_to_buffer(data->sg, data->sg_len, host->bounce, len);

	host->bounce_dma = xmmc_map_bounce(host, len, dir);
	if (!host->bounce_dma)
		return;
	host->bounce_len = len;
	host->bounce_dir = dir;
	data->host_cookie = 1;
}

static void xmmc_post_req(struct mmc_host *mmc, struct mmc_request *mrq, int err)
{
	struct xmmc_host *host = mmc_priv(mmc);
	struct mmc_data *data = mrq->data;

	if (!data || !data->host_cookie)
		return;
	xmmc_unmap_bounce(host, host->bounce_dma, host->bounce_len, host->bounce_dir);
	if (host->bounce_dir == DMA_FROM_DEVICE)
		sg_copy_from_buffer(data->sg, data->sg_len, host->bounce, host->bounce_len);
	data->host_cookie = 0;
}

static const struct mmc_host_ops xmmc_ops = {
	.pre_req = xmmc_pre_req,
	.post_req = xmmc_post_req,
};

const struct mmc_host_ops *xmmc_get_ops(void)
{
	return &xmmc_ops;
}
