/* dma-map-error-unchecked (good): the kernel's usual unlikely(dma_mapping_error()) test before the descriptor store. */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>

#define TGE_TX_RING	256

struct tge_tx_desc {
	__le32 addr_lo;
	__le32 addr_hi;
	__le32 len_flags;
	__le32 vlan;
};

struct tge_tx_buffer {
	struct sk_buff *skb;
	DEFINE_DMA_UNMAP_ADDR(mapping);
};

struct tge_napi {
	struct device *dmadev;
	void __iomem *prodmbox;
	struct tge_tx_desc *tx_ring;
	struct tge_tx_buffer tx_buffers[TGE_TX_RING];
	u32 tx_prod;
};

static netdev_tx_t tge_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct tge_napi *tnapi = netdev_priv(dev);
	u32 entry = tnapi->tx_prod;
	unsigned int len = skb_headlen(skb);
	dma_addr_t mapping;

	mapping = dma_map_single(tnapi->dmadev, skb->data, len, DMA_TO_DEVICE);
	if (unlikely(dma_mapping_error(tnapi->dmadev, mapping))) {
		dev_kfree_skb_any(skb);
		dev->stats.tx_dropped++;
		return NETDEV_TX_OK;
	}

	tnapi->tx_buffers[entry].skb = skb;
	dma_unmap_addr_set(&tnapi->tx_buffers[entry], mapping, mapping);

	tnapi->tx_ring[entry].addr_lo = cpu_to_le32(lower_32_bits(mapping));
	tnapi->tx_ring[entry].addr_hi = cpu_to_le32(upper_32_bits(mapping));
	tnapi->tx_ring[entry].len_flags = cpu_to_le32(len << 16);

	entry = (entry + 1) % TGE_TX_RING;
	tnapi->tx_prod = entry;
	wmb();
	writel(entry, tnapi->prodmbox);
	return NETDEV_TX_OK;
}
