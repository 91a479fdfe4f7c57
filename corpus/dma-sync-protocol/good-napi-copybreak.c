/* dma-sync-protocol (good): NAPI copybreak syncs the ring buffer for the CPU, copies, syncs it back, then bumps the tail. */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>

#define VNX_RX_BUF_LEN		2048
#define VNX_RX_DD		BIT(0)

struct vnx_rx_desc {
	__le64 addr;
	__le16 len;
	__le16 status;
	__le32 rsvd;
};

struct vnx_rx_buffer {
	u8 *data;
	DEFINE_DMA_UNMAP_ADDR(dma);
};

struct vnx_rx_ring {
	struct napi_struct napi;
	struct net_device *netdev;
	struct device *dev;
	void __iomem *tail;
	struct vnx_rx_desc *desc;
	struct vnx_rx_buffer *bufs;
	u16 next_to_clean;
	u16 count;
};

static int vnx_poll(struct napi_struct *napi, int budget)
{
	struct vnx_rx_ring *ring = container_of(napi, struct vnx_rx_ring, napi);
	int done = 0;

	while (done < budget) {
		u16 i = ring->next_to_clean;
		struct vnx_rx_desc *rxd = &ring->desc[i];
		struct vnx_rx_buffer *rb = &ring->bufs[i];
		struct sk_buff *skb;
		unsigned int len;

		if (!(le16_to_cpu(rxd->status) & VNX_RX_DD))
			break;
		dma_rmb();
		len = le16_to_cpu(rxd->len);

		skb = napi_alloc_skb(napi, len);
		if (!skb)
			break;

		dma_sync_single_for_cpu(ring->dev, dma_unmap_addr(rb, dma), len, DMA_FROM_DEVICE);
		skb_put_data(skb, rb->data, len);
		dma_sync_single_for_device(ring->dev, dma_unmap_addr(rb, dma), len, DMA_FROM_DEVICE);

		rxd->status = 0;
		skb->protocol = eth_type_trans(skb, ring->netdev);
		napi_gro_receive(napi, skb);

		ring->next_to_clean = (i + 1) % ring->count;
		writel(i, ring->tail);
		done++;
	}

	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}
