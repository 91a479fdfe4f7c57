/* dma-cpu-access-while-mapped (good): skb->len, skb->protocol and skb_shinfo() are not the mapped bytes at skb->data. */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>
#include <linux/if_ether.h>

#define QLX_TX_CSUM	BIT(0)
#define QLX_TX_VLAN	BIT(1)

struct qlx_txd {
	__le64 addr;
	__le32 len;
	__le16 flags;
	__le16 vlan;
};

struct qlx_txb {
	struct sk_buff *skb;
	DEFINE_DMA_UNMAP_ADDR(dma);
	DEFINE_DMA_UNMAP_LEN(len);
};

struct qlx_txq {
	struct device *dev;
	void __iomem *db;
	struct qlx_txd *ring;
	struct qlx_txb *bufs;
	u32 prod, mask;
	u64 bytes, packets;
};

static netdev_tx_t qlx_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct qlx_txq *q = netdev_priv(ndev);
	u32 idx = q->prod & q->mask;
	struct qlx_txb *tb = &q->bufs[idx];
	struct qlx_txd *txd = &q->ring[idx];
	u16 flags = 0;
	dma_addr_t dma;

	dma = dma_map_single(q->dev, skb->data, skb_headlen(skb), DMA_TO_DEVICE);
	if (dma_mapping_error(q->dev, dma)) {
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}

	if (skb->ip_summed == CHECKSUM_PARTIAL)
		flags |= QLX_TX_CSUM;
	if (skb_vlan_tag_present(skb)) {
		flags |= QLX_TX_VLAN;
		txd->vlan = cpu_to_le16(skb_vlan_tag_get(skb));
	}

	tb->skb = skb;
	dma_unmap_addr_set(tb, dma, dma);
	dma_unmap_len_set(tb, len, skb_headlen(skb));
	txd->addr = cpu_to_le64(dma);
	txd->len = cpu_to_le32(skb_headlen(skb));
	txd->flags = cpu_to_le16(flags);

	q->bytes += skb->len;
	q->packets++;
	q->prod++;
	skb_tx_timestamp(skb);
	wmb();
	writel(q->prod, q->db);
	return NETDEV_TX_OK;
}
