/* ring.c owns the RX ring (an opaque type for main.c) and maps its buffers. */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>
#include <linux/slab.h>

#define LNX_RX_SLOTS	64
#define LNX_RX_BUF	2048

struct lnx_rx_slot {
	struct sk_buff *skb;
	dma_addr_t dma;
};

struct lnx_rx_ring {
	struct device *dev;
	void __iomem *regs;
	struct lnx_rx_slot slot[LNX_RX_SLOTS];
};

void lnx_rx_drain(struct lnx_rx_ring *r);

struct lnx_rx_ring *lnx_rx_fill(struct device *dev, struct net_device *ndev, void __iomem *regs)
{
	struct lnx_rx_ring *r = kzalloc(sizeof(*r), GFP_KERNEL);
	int i;

	if (!r)
		return NULL;
	r->dev = dev;
	r->regs = regs;
	for (i = 0; i < LNX_RX_SLOTS; i++) {
		struct lnx_rx_slot *s = &r->slot[i];

		s->skb = netdev_alloc_skb(ndev, LNX_RX_BUF);
		if (!s->skb)
			goto unwind;
		s->dma = dma_map_single(dev, s->skb->data, LNX_RX_BUF, DMA_FROM_DEVICE);
		if (dma_mapping_error(dev, s->dma)) {
			dev_kfree_skb(s->skb);
			s->skb = NULL;
			goto unwind;
		}
		writel(lower_32_bits(s->dma), regs + 0x100 + i * 8);
	}
	return r;
unwind:
	lnx_rx_drain(r);
	kfree(r);
	return NULL;
}

/* unmaps and frees what is posted; probe's error path and remove() call it */
void lnx_rx_drain(struct lnx_rx_ring *r)
{
	int i;

	for (i = 0; i < LNX_RX_SLOTS; i++) {
		struct lnx_rx_slot *s = &r->slot[i];

		if (!s->skb)
			continue;
		dma_unmap_single(r->dev, s->dma, LNX_RX_BUF, DMA_FROM_DEVICE);
		dev_kfree_skb(s->skb);
		s->skb = NULL;
	}
}
