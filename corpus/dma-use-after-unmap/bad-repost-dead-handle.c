/* dma-use-after-unmap: a bad frame's buffer is re-posted to the RX ring with the handle that was just unmapped. */
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
	struct napi_struct napi;
	struct device *dev;
	struct pnx_rx_desc *desc;
	struct pnx_rx_buf *rx;
	void __iomem *tail;
	u16 ntc, count;
};

static int pnx_poll(struct napi_struct *napi, int budget)
{
	struct pnx_ring *ring = container_of(napi, struct pnx_ring, napi);
	int done = 0;

	while (done < budget) {
		u16 i = ring->ntc;
		struct pnx_rx_buf *rx = &ring->rx[i];
		u16 status = le16_to_cpu(ring->desc[i].status);

		if (!status)
			break;

		dma_unmap_single(ring->dev, rx->h, PNX_RXSZ, DMA_FROM_DEVICE);
		if (status & PNX_RX_ERR) {
			ring->desc[i].addr = cpu_to_le64(rx->h); /* expect-warning dma-use-after-unmap */
			ring->desc[i].status = 0;
		} else {
			skb_put(rx->skb, le16_to_cpu(ring->desc[i].len));
			napi_gro_receive(napi, rx->skb);
			rx->skb = NULL;
		}
		ring->ntc = (i + 1) % ring->count;
		done++;
	}
	writel(ring->ntc, ring->tail);
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}
