/* dma-alloc-context-gfp: ndo_start_xmit (bottom halves off, the TX lock held) takes a header block from the dma_pool with GFP_KERNEL. */
#include <linux/dmapool.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#define HX_HDR_BYTES		64
#define HX_REG_TX_HDR		0x30

struct hx_priv {
	struct device *dev;
	void __iomem *regs;
	struct dma_pool *hdr_pool;
	void *hdr[256];
	dma_addr_t hdr_dma[256];
	unsigned int tx_head;
};

static netdev_tx_t hx_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct hx_priv *hp = netdev_priv(ndev);
	unsigned int i = hp->tx_head;
	void *hdr;
	dma_addr_t hdr_dma;

	hdr = dma_pool_alloc(hp->hdr_pool, GFP_KERNEL, &hdr_dma); /* expect-warning dma-alloc-context-gfp */
	if (!hdr) {
		netif_stop_queue(ndev);
		return NETDEV_TX_BUSY;
	}
	skb_copy_from_linear_data(skb, hdr, min_t(unsigned int, skb->len, HX_HDR_BYTES));
	hp->hdr[i] = hdr;
	hp->hdr_dma[i] = hdr_dma;
	hp->tx_head = (i + 1) & 255;
	writel(lower_32_bits(hdr_dma), hp->regs + HX_REG_TX_HDR);
	dev_consume_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops hx_netdev_ops = {
	.ndo_start_xmit = hx_start_xmit,
};
