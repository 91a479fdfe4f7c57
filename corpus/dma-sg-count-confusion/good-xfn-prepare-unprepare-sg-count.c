/* dma-sg-count-confusion (good, cross-function): prepare_data() tests dma_map_sg()'s count and stores it in host->sg_count; the ADMA table builder iterates that count, the post-request sync helper and unprepare_data() use the original data->sg_len. */
#include <linux/dma-mapping.h>
#include <linux/mmc/host.h>
#include <linux/mmc/core.h>
#include <linux/scatterlist.h>

struct adma2_desc {
	__le16 cmd;
	__le16 len;
	__le32 addr;
};

struct msd_host {
	struct device *dev;
	void __iomem *ioaddr;
	struct adma2_desc *adma_table;
	dma_addr_t adma_addr;
	int sg_count;
};

static void msd_sync_data_for_cpu(struct msd_host *host, struct scatterlist *sgl, int nents,
				  enum dma_data_direction dir)
{
	dma_sync_sg_for_cpu(host->dev, sgl, nents, dir);
}

static int msd_prepare_data(struct msd_host *host, struct mmc_data *data)
{
	int sg_count;

	sg_count = dma_map_sg(host->dev, data->sg, data->sg_len, mmc_get_dma_dir(data));
	if (sg_count == 0)
		return -ENOSPC;
	host->sg_count = sg_count;
	data->host_cookie = 1;
	return 0;
}

static void msd_adma_table_pre(struct msd_host *host, struct mmc_data *data)
{
	struct adma2_desc *desc = host->adma_table;
	struct scatterlist *sg;
	int i;

	for_each_sg(data->sg, sg, host->sg_count, i) {
		desc->addr = cpu_to_le32(sg_dma_address(sg));
		desc->len = cpu_to_le16(sg_dma_len(sg));
		desc->cmd = cpu_to_le16(0x21);
		desc++;
	}
	desc[-1].cmd |= cpu_to_le16(0x02);
	writel(lower_32_bits(host->adma_addr), host->ioaddr + 0x58);
}

static void msd_unprepare_data(struct msd_host *host, struct mmc_data *data)
{
	if (!data->host_cookie)
		return;
	dma_unmap_sg(host->dev, data->sg, data->sg_len, mmc_get_dma_dir(data));
	data->host_cookie = 0;
}

int msd_request_data(struct msd_host *host, struct mmc_data *data)
{
	int ret;

	ret = msd_prepare_data(host, data);
	if (ret)
		return ret;
	msd_adma_table_pre(host, data);
	return 0;
}

void msd_finish_data(struct msd_host *host, struct mmc_data *data)
{
	if (data->flags & MMC_DATA_READ)
		msd_sync_data_for_cpu(host, data->sg, data->sg_len, DMA_FROM_DEVICE);
	msd_unprepare_data(host, data);
}
