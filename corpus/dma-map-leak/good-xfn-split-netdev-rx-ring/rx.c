/* The RX ring of a three-file NIC driver (good): fill maps every buffer, the poll unmaps what it hands up and remaps a fresh one, drain unmaps all posted buffers. */
#include <linux/dma-mapping.h>
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/slab.h>

#define GMQ_RX_SLOTS		256
#define GMQ_RX_BUF		2048
#define GMQ_REG_RX_ADDR(i)	(0x2000 + (i) * 8)
#define GMQ_REG_RX_DONE		0x0044

struct gmq_rx_slot {
	struct sk_buff *skb;
	dma_addr_t dma;
};

struct gmq_rx_ring {
	struct device *dev;
	struct net_device *ndev;
	void __iomem *regs;
	struct gmq_rx_slot slot[GMQ_RX_SLOTS];
	unsigned int next;
};

struct gmq_rx_ring *gmq_rx_alloc(struct device *dev, struct net_device *ndev, void __iomem *regs);
int gmq_rx_fill(struct gmq_rx_ring *r);
void gmq_rx_drain(struct gmq_rx_ring *r);
int gmq_rx_poll(struct gmq_rx_ring *r, struct napi_struct *napi, int budget);

struct gmq_rx_ring *gmq_rx_alloc(struct device *dev, struct net_device *ndev, void __iomem *regs)
{
	struct gmq_rx_ring *r = kzalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return NULL;
	r->dev = dev;
	r->ndev = ndev;
	r->regs = regs;
	return r;
}

static int gmq_rx_post(struct gmq_rx_ring *r, unsigned int i, gfp_t gfp)
{
	struct gmq_rx_slot *s = &r->slot[i];
	struct sk_buff *skb;

	skb = __netdev_alloc_skb(r->ndev, GMQ_RX_BUF, gfp);
	if (!skb)
		return -ENOMEM;
	s->dma = dma_map_single(r->dev, skb->data, GMQ_RX_BUF, DMA_FROM_DEVICE);
	if (dma_mapping_error(r->dev, s->dma)) {
		dev_kfree_skb_any(skb);
		return -ENOMEM;
	}
	s->skb = skb;
	lo_hi_writeq(s->dma, r->regs + GMQ_REG_RX_ADDR(i));
	return 0;
}

void gmq_rx_drain(struct gmq_rx_ring *r)
{
	unsigned int i;

	for (i = 0; i < GMQ_RX_SLOTS; i++) {
		struct gmq_rx_slot *s = &r->slot[i];

		if (!s->skb)
			continue;
		dma_unmap_single(r->dev, s->dma, GMQ_RX_BUF, DMA_FROM_DEVICE);
		dev_kfree_skb_any(s->skb);
		s->skb = NULL;
	}
}

int gmq_rx_fill(struct gmq_rx_ring *r)
{
	unsigned int i;
	int err;

	for (i = 0; i < GMQ_RX_SLOTS; i++) {
		err = gmq_rx_post(r, i, GFP_KERNEL);
		if (err) {
			gmq_rx_drain(r);
			return err;
		}
	}
	r->next = 0;
	return 0;
}

int gmq_rx_poll(struct gmq_rx_ring *r, struct napi_struct *napi, int budget)
{
	unsigned int done_idx = readl(r->regs + GMQ_REG_RX_DONE);
	int done = 0;

	while (r->next != done_idx && done < budget) {
		struct gmq_rx_slot *s = &r->slot[r->next];
		struct sk_buff *skb = s->skb;

		dma_unmap_single(r->dev, s->dma, GMQ_RX_BUF, DMA_FROM_DEVICE);
		s->skb = NULL;
		skb_put(skb, GMQ_RX_BUF);
		skb->protocol = eth_type_trans(skb, r->ndev);
		napi_gro_receive(napi, skb);
		if (gmq_rx_post(r, r->next, GFP_ATOMIC))
			break;
		r->next = (r->next + 1) % GMQ_RX_SLOTS;
		done++;
	}
	return done;
}
