/* dma-cpu-access-while-mapped (cross-function, good): ndo_start_xmit maps the skb, the TX completion handler unmaps it before freeing the skb. */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#define CTX_RING	128
#define CTX_DONE	BIT(31)

struct ctx_desc {
	__le32 ctl;
	__le32 len;
	__le64 addr;
};

struct ctx_tx_buf {
	struct sk_buff *skb;
	DEFINE_DMA_UNMAP_ADDR(dma);
	DEFINE_DMA_UNMAP_LEN(len);
};

struct ctx_priv {
	struct device *dev;
	struct net_device *ndev;
	void __iomem *base;
	struct ctx_desc *desc;
	struct ctx_tx_buf tx[CTX_RING];
	unsigned int head, tail;
};

static netdev_tx_t ctx_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct ctx_priv *p = netdev_priv(ndev);
	unsigned int i = p->head;
	struct ctx_tx_buf *tb = &p->tx[i];
	dma_addr_t dma;

	if (skb_put_padto(skb, ETH_ZLEN))
		return NETDEV_TX_OK;

	dma = dma_map_single(p->dev, skb->data, skb->len, DMA_TO_DEVICE);
	if (dma_mapping_error(p->dev, dma)) {
		dev_kfree_skb_any(skb);
		ndev->stats.tx_dropped++;
		return NETDEV_TX_OK;
	}
	tb->skb = skb;
	dma_unmap_addr_set(tb, dma, dma);
	dma_unmap_len_set(tb, len, skb->len);

	p->desc[i].addr = cpu_to_le64(dma);
	p->desc[i].len = cpu_to_le32(skb->len);
	dma_wmb();
	p->desc[i].ctl = cpu_to_le32(1);
	p->head = (i + 1) % CTX_RING;
	skb_tx_timestamp(skb);
	writel(i, p->base + 0x20);
	return NETDEV_TX_OK;
}

static void ctx_tx_complete(struct ctx_priv *p)
{
	unsigned int pkts = 0, bytes = 0;

	while (p->tail != p->head) {
		unsigned int i = p->tail;
		struct ctx_tx_buf *tb = &p->tx[i];
		struct sk_buff *skb = tb->skb;

		if (!(le32_to_cpu(READ_ONCE(p->desc[i].ctl)) & CTX_DONE))
			break;
		dma_unmap_single(p->dev, dma_unmap_addr(tb, dma), dma_unmap_len(tb, len), DMA_TO_DEVICE);
		bytes += skb->len;
		pkts++;
		dev_consume_skb_any(skb);
		tb->skb = NULL;
		p->tail = (i + 1) % CTX_RING;
	}
	p->ndev->stats.tx_packets += pkts;
	p->ndev->stats.tx_bytes += bytes;
	if (pkts && netif_queue_stopped(p->ndev))
		netif_wake_queue(p->ndev);
}

irqreturn_t ctx_irq(int irq, void *data)
{
	struct ctx_priv *p = data;

	if (!(readl(p->base + 0x30) & BIT(0)))
		return IRQ_NONE;
	writel(BIT(0), p->base + 0x30);
	ctx_tx_complete(p);
	return IRQ_HANDLED;
}
