/* dma-cpu-access-while-mapped (cross-function): a long-lived RX mapping is synced for the CPU by a same-file helper, but only after the frame header was parsed. */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>

#define LNX_RX_BUF	2048
#define LNX_RX_OWN	BIT(31)

struct lnx_rx_desc {
	__le32 ctrl;
	__le32 addr;
};

struct lnx_priv {
	struct device *dev;
	struct net_device *ndev;
	void __iomem *base;
};

static void lnx_rx_sync_cpu(struct lnx_priv *lp, dma_addr_t dma, unsigned int len)
{
	dma_sync_single_for_cpu(lp->dev, dma, len, DMA_FROM_DEVICE);
}

static void lnx_rx_sync_dev(struct lnx_priv *lp, dma_addr_t dma, unsigned int len)
{
	dma_sync_single_for_device(lp->dev, dma, len, DMA_FROM_DEVICE);
}

static dma_addr_t lnx_rx_map(struct lnx_priv *lp, void *buf)
{
	return dma_map_single(lp->dev, buf, LNX_RX_BUF, DMA_FROM_DEVICE);
}

static int lnx_rx_one(struct lnx_priv *lp, struct lnx_rx_desc *desc, u8 *buf)
{
	struct sk_buff *skb;
	dma_addr_t dma;
	unsigned int len;
	u16 proto;

	dma = lnx_rx_map(lp, buf);
	if (dma_mapping_error(lp->dev, dma))
		return -ENOMEM;
	desc->addr = cpu_to_le32(lower_32_bits(dma));
	desc->ctrl = cpu_to_le32(LNX_RX_OWN | LNX_RX_BUF);
	writel(1, lp->base + 0x30);

	while (le32_to_cpu(READ_ONCE(desc->ctrl)) & LNX_RX_OWN)
		cpu_relax();
	len = le32_to_cpu(desc->ctrl) & 0xffff;

	proto = get_unaligned_be16(buf + 12); /* expect-warning dma-cpu-access-while-mapped */
	lnx_rx_sync_cpu(lp, dma, len);

	skb = netdev_alloc_skb_ip_align(lp->ndev, len);
	if (skb) {
		skb_put_data(skb, buf, len);
		skb->protocol = htons(proto);
		netif_rx(skb);
	}
	lnx_rx_sync_dev(lp, dma, LNX_RX_BUF);
	return 0;
}
