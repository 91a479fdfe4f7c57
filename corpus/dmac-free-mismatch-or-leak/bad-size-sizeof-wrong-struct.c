/* dmac-free-mismatch-or-leak: a stats buffer is allocated as struct fw_stats_v2 but freed with sizeof(struct fw_stats). */
#include <linux/dma-mapping.h>

struct fw_stats {
	__le64 rx_pkts;
	__le64 tx_pkts;
	__le64 rx_drops;
};

struct fw_stats_v2 {
	struct fw_stats base;
	__le64 rx_crc_err;
	__le64 tx_timeouts;
	__le64 reserved[11];
};

struct nic_adapter {
	struct device *dev;
	u64 rx_pkts, tx_pkts, rx_drops;
};

int nic_fw_cmd_get_stats(struct nic_adapter *ad, dma_addr_t buf, u32 len);

static int nic_update_stats(struct nic_adapter *ad)
{
	struct fw_stats_v2 *st;
	dma_addr_t st_dma;
	int ret;

	st = dma_alloc_coherent(ad->dev, sizeof(struct fw_stats_v2), &st_dma, GFP_KERNEL);
	if (!st)
		return -ENOMEM;

	ret = nic_fw_cmd_get_stats(ad, st_dma, sizeof(*st));
	if (!ret) {
		ad->rx_pkts = le64_to_cpu(st->base.rx_pkts);
		ad->tx_pkts = le64_to_cpu(st->base.tx_pkts);
		ad->rx_drops = le64_to_cpu(st->base.rx_drops);
	}

	dma_free_coherent(ad->dev, sizeof(struct fw_stats), st, st_dma); /* expect-warning dmac-free-mismatch-or-leak */
	return ret;
}
