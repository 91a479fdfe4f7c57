/* dma-use-after-unmap (cross-function, good): the RX path unmaps a filled buffer through a helper and re-posts the slot only with a fresh handle from the map helper. */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#define GRX_BUF		1600
#define GRX_OWN		BIT(31)

struct grx_desc {
	__le32 ctl;
	__le32 pad;
	__le64 addr;
};

struct grx_priv {
	struct device *dev;
	struct net_device *ndev;
	struct napi_struct napi;
	struct grx_desc *ring;
};

static dma_addr_t grx_map_buf(struct grx_priv *gp, void *data)
{
	dma_addr_t mapping;

	mapping = dma_map_single(gp->dev, data, GRX_BUF, DMA_FROM_DEVICE);
	if (dma_mapping_error(gp->dev, mapping))
		return 0;
	return mapping;
}

static void grx_unmap_buf(struct grx_priv *gp, dma_addr_t mapping)
{
	dma_unmap_single(gp->dev, mapping, GRX_BUF, DMA_FROM_DEVICE);
}

static int grx_rx_one(struct grx_priv *gp, unsigned int i, struct sk_buff *skb)
{
	struct grx_desc *d = &gp->ring[i];
	struct sk_buff *nskb;
	dma_addr_t mapping;
	u32 ctl;

	mapping = grx_map_buf(gp, skb->data);
	if (!mapping)
		return -ENOMEM;
	d->addr = cpu_to_le64(mapping);
	dma_wmb();
	d->ctl = cpu_to_le32(GRX_OWN | GRX_BUF);

	while ((ctl = le32_to_cpu(READ_ONCE(d->ctl))) & GRX_OWN)
		cpu_relax();
	grx_unmap_buf(gp, mapping);

	nskb = napi_alloc_skb(&gp->napi, GRX_BUF);
	if (!nskb) {
		gp->ndev->stats.rx_dropped++;
		return -ENOMEM;
	}
	mapping = grx_map_buf(gp, nskb->data);
	if (!mapping) {
		dev_kfree_skb_any(nskb);
		gp->ndev->stats.rx_dropped++;
		return -ENOMEM;
	}
	d->addr = cpu_to_le64(mapping);
	dma_wmb();
	d->ctl = cpu_to_le32(GRX_OWN | GRX_BUF);

	skb_put(skb, ctl & 0xffff);
	skb->protocol = eth_type_trans(skb, gp->ndev);
	napi_gro_receive(&gp->napi, skb);
	return 0;
}
