/* dma-map-error-unchecked (good): the map result goes straight into the ring slot and is checked there. */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>

#define MVQ_RX_BUF_SIZE		2048

struct mvq_rx_slot {
	struct sk_buff *skb;
	dma_addr_t dma;
};

struct mvq_rx_desc {
	__le64 buf_addr;
	__le32 buf_size;
	__le32 status;
};

struct mvq_rxq {
	struct net_device *ndev;
	struct device *dev;
	struct mvq_rx_desc *desc;
	struct mvq_rx_slot *slot;
};

static int mvq_rx_refill(struct mvq_rxq *rxq, int i)
{
	struct mvq_rx_slot *rx = &rxq->slot[i];
	struct sk_buff *skb;

	skb = netdev_alloc_skb_ip_align(rxq->ndev, MVQ_RX_BUF_SIZE);
	if (!skb)
		return -ENOMEM;

	rx->dma = dma_map_single(rxq->dev, skb->data, MVQ_RX_BUF_SIZE, DMA_FROM_DEVICE);
	if (dma_mapping_error(rxq->dev, rx->dma)) {
		dev_kfree_skb_any(skb);
		return -ENOMEM;
	}

	rx->skb = skb;
	rxq->desc[i].buf_addr = cpu_to_le64(rx->dma);
	rxq->desc[i].buf_size = cpu_to_le32(MVQ_RX_BUF_SIZE);
	rxq->desc[i].status = 0;
	return 0;
}
