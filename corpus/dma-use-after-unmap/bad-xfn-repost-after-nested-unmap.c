/* dma-use-after-unmap (cross-function): a two-level same-file unmap helper releases the RX buffer and the caller still writes the handle into the descriptor. */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#define KRX_BUF_LEN	1536
#define KRX_DESC_OWN	BIT(31)

struct krx_desc {
	__le32 ctl;
	__le32 rsvd;
	__le64 addr;
};

struct krx_priv {
	struct device *dev;
	struct net_device *ndev;
	struct krx_desc *ring;
	unsigned long rx_dropped;
};

static void krx_dma_unmap(struct device *dev, dma_addr_t addr)
{
	dma_unmap_single(dev, addr, KRX_BUF_LEN, DMA_FROM_DEVICE);
}

static void krx_release_buf(struct krx_priv *kp, dma_addr_t addr)
{
	krx_dma_unmap(kp->dev, addr);
}

static int krx_rx_slot(struct krx_priv *kp, unsigned int i, struct sk_buff *skb)
{
	struct krx_desc *d = &kp->ring[i];
	dma_addr_t addr;
	u32 ctl;

	addr = dma_map_single(kp->dev, skb->data, KRX_BUF_LEN, DMA_FROM_DEVICE);
	if (dma_mapping_error(kp->dev, addr))
		return -ENOMEM;
	d->addr = cpu_to_le64(addr);
	dma_wmb();
	d->ctl = cpu_to_le32(KRX_DESC_OWN | KRX_BUF_LEN);

	while ((ctl = le32_to_cpu(READ_ONCE(d->ctl))) & KRX_DESC_OWN)
		cpu_relax();

	krx_release_buf(kp, addr);
	if (ctl & BIT(30)) {
		/* CRC error: give the slot straight back to the device */
		kp->rx_dropped++;
		d->addr = cpu_to_le64(addr); /* expect-warning dma-use-after-unmap */
		dma_wmb();
		d->ctl = cpu_to_le32(KRX_DESC_OWN | KRX_BUF_LEN);
		return 0;
	}
	skb_put(skb, ctl & 0xffff);
	skb->protocol = eth_type_trans(skb, kp->ndev);
	netif_receive_skb(skb);
	return 0;
}
