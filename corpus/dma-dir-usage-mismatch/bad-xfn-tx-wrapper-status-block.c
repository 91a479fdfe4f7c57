/* dma-dir-usage-mismatch (cross-function): a NIC reuses its TX map wrapper (fixed DMA_TO_DEVICE) for the statistics block the hardware DMAs into; the stats path reads the counters after its unmap helper. */
#include <linux/dma-mapping.h>
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/slab.h>

#define ENX_REG_STATS_ADDR	0x200
#define ENX_REG_STATS_CMD	0x208
#define ENX_REG_STATS_DONE	0x20c

struct enx_hw_stats {
	__le64 rx_packets;
	__le64 tx_packets;
	__le64 rx_bytes;
	__le64 tx_bytes;
	__le64 rx_crc_errors;
};

struct enx_priv {
	struct net_device *ndev;
	struct device *dev;
	void __iomem *ioaddr;
};

static dma_addr_t enx_tx_map(struct enx_priv *priv, void *data, unsigned int len)
{
	dma_addr_t mapping = dma_map_single(priv->dev, data, len, DMA_TO_DEVICE);

	if (unlikely(dma_mapping_error(priv->dev, mapping)))
		return 0;
	return mapping;
}

static void enx_tx_unmap(struct enx_priv *priv, dma_addr_t mapping, unsigned int len)
{
	dma_unmap_single(priv->dev, mapping, len, DMA_TO_DEVICE);
}

static int enx_dump_hw_stats(struct enx_priv *priv, dma_addr_t addr)
{
	u32 done;

	writeq(addr, priv->ioaddr + ENX_REG_STATS_ADDR);
	writel(1, priv->ioaddr + ENX_REG_STATS_CMD);
	return readl_poll_timeout(priv->ioaddr + ENX_REG_STATS_DONE, done, done, 10, 5000);
}

void enx_get_stats64(struct net_device *ndev, struct rtnl_link_stats64 *s)
{
	struct enx_priv *priv = netdev_priv(ndev);
	struct enx_hw_stats *hw;
	dma_addr_t addr;

	hw = kmalloc(sizeof(*hw), GFP_ATOMIC);
	if (!hw)
		return;
	addr = enx_tx_map(priv, hw, sizeof(*hw)); /* expect-warning dma-dir-usage-mismatch */
	if (!addr)
		goto out;

	if (enx_dump_hw_stats(priv, addr)) {
		enx_tx_unmap(priv, addr, sizeof(*hw));
		goto out;
	}
	enx_tx_unmap(priv, addr, sizeof(*hw));

	s->rx_packets = le64_to_cpu(hw->rx_packets);
	s->tx_packets = le64_to_cpu(hw->tx_packets);
	s->rx_bytes = le64_to_cpu(hw->rx_bytes);
	s->tx_bytes = le64_to_cpu(hw->tx_bytes);
	s->rx_crc_errors = le64_to_cpu(hw->rx_crc_errors);
out:
	kfree(hw);
}
