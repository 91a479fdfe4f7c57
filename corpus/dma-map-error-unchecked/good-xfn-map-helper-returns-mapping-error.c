/* dma-map-error-unchecked (good, cross-function): two map helpers test dma_mapping_error() themselves and hand back DMA_MAPPING_ERROR or 0 on failure; each caller tests for the helper's own failure value before using the handle. */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#define WQX_TX_RING	512
#define WQX_RX_BUF	2048
#define WQX_REG_TXQ_PI	0x100
#define WQX_REG_RXQ_PI	0x104

struct wqx_wqe {
	__le64 addr;
	__le32 len;
	__le32 flags;
};

struct wqx_slot {
	void *cookie;
	dma_addr_t dma;
	u32 len;
};

struct wqx_queue {
	struct device *dev;
	struct wqx_wqe *wqe;
	struct wqx_slot *slot;
	void __iomem *db;
	u32 pi;
	u32 mask;
};

/* on failure: DMA_MAPPING_ERROR, so callers can still use dma_mapping_error() */
static dma_addr_t wqx_map_skb(struct wqx_queue *q, struct sk_buff *skb)
{
	dma_addr_t dma = dma_map_single(q->dev, skb->data, skb_headlen(skb), DMA_TO_DEVICE);

	if (dma_mapping_error(q->dev, dma)) {
		dev_warn_ratelimited(q->dev, "tx map of %u bytes failed\n", skb_headlen(skb));
		return DMA_MAPPING_ERROR;
	}
	return dma;
}

/* on failure: 0, which this driver never gets as a real handle (IOMMU base above 0) */
static dma_addr_t wqx_map_rx(struct wqx_queue *q, void *buf)
{
	dma_addr_t dma = dma_map_single(q->dev, buf, WQX_RX_BUF, DMA_FROM_DEVICE);

	if (dma_mapping_error(q->dev, dma))
		return 0;
	return dma;
}

netdev_tx_t wqx_xmit(struct sk_buff *skb, struct net_device *ndev, struct wqx_queue *q)
{
	u32 idx = q->pi & q->mask;
	dma_addr_t dma;

	dma = wqx_map_skb(q, skb);
	if (dma == DMA_MAPPING_ERROR) {
		dev_kfree_skb_any(skb);
		ndev->stats.tx_dropped++;
		return NETDEV_TX_OK;
	}
	q->slot[idx].cookie = skb;
	q->slot[idx].dma = dma;
	q->slot[idx].len = skb_headlen(skb);
	q->wqe[idx].addr = cpu_to_le64(dma);
	q->wqe[idx].len = cpu_to_le32(skb_headlen(skb));
	dma_wmb();
	writel(++q->pi, q->db + WQX_REG_TXQ_PI);
	return NETDEV_TX_OK;
}

netdev_tx_t wqx_xmit_retry(struct sk_buff *skb, struct net_device *ndev, struct wqx_queue *q)
{
	u32 idx = q->pi & q->mask;
	dma_addr_t dma = wqx_map_skb(q, skb);

	if (dma_mapping_error(q->dev, dma))
		return NETDEV_TX_BUSY;
	q->slot[idx].cookie = skb;
	q->slot[idx].dma = dma;
	q->slot[idx].len = skb_headlen(skb);
	q->wqe[idx].addr = cpu_to_le64(dma);
	q->wqe[idx].len = cpu_to_le32(skb_headlen(skb));
	dma_wmb();
	writel(++q->pi, q->db + WQX_REG_TXQ_PI);
	return NETDEV_TX_OK;
}

int wqx_post_rx(struct wqx_queue *q)
{
	u32 idx = q->pi & q->mask;
	dma_addr_t dma;
	void *buf;

	buf = napi_alloc_frag(WQX_RX_BUF);
	if (!buf)
		return -ENOMEM;
	dma = wqx_map_rx(q, buf);
	if (!dma) {
		skb_free_frag(buf);
		return -ENOMEM;
	}
	q->slot[idx].cookie = buf;
	q->slot[idx].dma = dma;
	q->slot[idx].len = WQX_RX_BUF;
	q->wqe[idx].addr = cpu_to_le64(dma);
	q->wqe[idx].len = cpu_to_le32(WQX_RX_BUF);
	dma_wmb();
	writel(++q->pi, q->db + WQX_REG_RXQ_PI);
	return 0;
}

void wqx_complete_tx(struct wqx_queue *q, u32 idx)
{
	struct wqx_slot *s = &q->slot[idx & q->mask];

	dma_unmap_single(q->dev, s->dma, s->len, DMA_TO_DEVICE);
	dev_consume_skb_any(s->cookie);
	s->cookie = NULL;
}
