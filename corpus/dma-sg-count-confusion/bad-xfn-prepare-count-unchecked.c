/* dma-sg-count-confusion (cross-function): an SDHCI-style host maps the request's scatterlist in prepare_data() and stores dma_map_sg()'s count in host->sg_count without testing it for 0; the ADMA descriptor builder then loops over a zero-length mapping and the request "succeeds" with no data. */
#include <linux/dma-mapping.h>
#include <linux/mmc/host.h>
#include <linux/mmc/core.h>
#include <linux/scatterlist.h>

struct adma_desc {
	__le16 cmd;
	__le16 len;
	__le32 addr;
};

struct sdx_host {
	struct device *dev;
	void __iomem *ioaddr;
	struct adma_desc *adma_table;
	dma_addr_t adma_addr;
	int sg_count;
};

#define ADMA_TRAN_VALID	0x21
#define ADMA_END	0x02

static int sdx_prepare_data(struct sdx_host *host, struct mmc_data *data)
{
	host->sg_count = dma_map_sg(host->dev, data->sg, data->sg_len, /* expect-warning dma-sg-count-confusion */
				    mmc_get_dma_dir(data));
	data->host_cookie = 1;
	return 0;
}

static void sdx_adma_table_pre(struct sdx_host *host, struct mmc_data *data)
{
	struct adma_desc *desc = host->adma_table;
	struct scatterlist *sg;
	int i;

	for_each_sg(data->sg, sg, host->sg_count, i) {
		desc->addr = cpu_to_le32(sg_dma_address(sg));
		desc->len = cpu_to_le16(sg_dma_len(sg));
		desc->cmd = cpu_to_le16(ADMA_TRAN_VALID);
		desc++;
	}
	if (desc != host->adma_table)
		desc[-1].cmd |= cpu_to_le16(ADMA_END);
	writel(lower_32_bits(host->adma_addr), host->ioaddr + 0x58);
}

static void sdx_unprepare_data(struct sdx_host *host, struct mmc_data *data)
{
	if (data->host_cookie) {
		dma_unmap_sg(host->dev, data->sg, data->sg_len, mmc_get_dma_dir(data));
		data->host_cookie = 0;
	}
}

void sdx_request_data(struct sdx_host *host, struct mmc_data *data)
{
	if (sdx_prepare_data(host, data))
		return;
	sdx_adma_table_pre(host, data);
}

void sdx_finish_data(struct sdx_host *host, struct mmc_data *data)
{
	sdx_unprepare_data(host, data);
}
