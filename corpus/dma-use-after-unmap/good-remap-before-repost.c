/* dma-use-after-unmap (good): the RX buffer is re-mapped, checked, and only the fresh handle is re-posted. */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>

#define PNX_RXSZ	1536
#define PNX_RX_ERR	BIT(15)

struct pnx_rx_desc {
	__le64 addr;
	__le16 len;
	__le16 status;
	__le32 rsvd;
};

struct pnx_rx_buf {
	struct sk_buff *skb;
	dma_addr_t h;
};

struct pnx_ring {
	struct device *dev;
	struct pnx_rx_desc *desc;
	struct pnx_rx_buf *rx;
	u64 drops;
};

static int pnx_recycle_bad_frame(struct pnx_ring *ring, u16 i)
{
	struct pnx_rx_buf *rx = &ring->rx[i];

	dma_unmap_single(ring->dev, rx->h, PNX_RXSZ, DMA_FROM_DEVICE);
	ring->drops++;

	rx->h = dma_map_single(ring->dev, rx->skb->data, PNX_RXSZ, DMA_FROM_DEVICE);
	if (dma_mapping_error(ring->dev, rx->h)) {
		dev_kfree_skb_any(rx->skb);
		rx->skb = NULL;
		return -ENOMEM;
	}
	ring->desc[i].addr = cpu_to_le64(rx->h);
	ring->desc[i].status = 0;
	return 0;
}
