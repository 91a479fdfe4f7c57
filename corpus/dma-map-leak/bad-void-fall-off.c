/* dma-map-leak: a void function maps a status block, programs it and falls off its end. */
#include <linux/dma-mapping.h>

#define QUX_STATS_ADDR_LO	0x200
#define QUX_STATS_ADDR_HI	0x204
#define QUX_STATS_CTRL		0x208
#define QUX_STATS_DUMP		BIT(0)

struct qux_hw_stats {
	__le64 rx_packets;
	__le64 tx_packets;
	__le64 rx_crc_errors;
};

struct qux_adapter {
	struct device *dev;
	void __iomem *hw_addr;
	struct qux_hw_stats *stats;
};

static void qux_request_stats_dump(struct qux_adapter *adapter)
{
	dma_addr_t dma;

	dma = dma_map_single(adapter->dev, adapter->stats, sizeof(*adapter->stats),
			     DMA_FROM_DEVICE);
	if (dma_mapping_error(adapter->dev, dma))
		return;

	iowrite32(lower_32_bits(dma), adapter->hw_addr + QUX_STATS_ADDR_LO);
	iowrite32(upper_32_bits(dma), adapter->hw_addr + QUX_STATS_ADDR_HI);
	iowrite32(QUX_STATS_DUMP, adapter->hw_addr + QUX_STATS_CTRL);
} /* expect-warning dma-map-leak */
