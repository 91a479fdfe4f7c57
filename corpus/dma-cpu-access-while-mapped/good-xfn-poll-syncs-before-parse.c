/* Refill maps each RX slot's skb; the NAPI poll syncs the slot for the CPU before it parses the frame (a different function from the map). */
#include <linux/dma-mapping.h>
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/pci.h>

#define KR_RX_RING	128
#define KR_BUF		1536

struct kr_rx_slot {
	struct sk_buff *skb;
	dma_addr_t dma;
};

struct kr_priv {
	struct pci_dev *pdev;
	struct net_device *ndev;
	struct napi_struct napi;
	void __iomem *regs;
	struct kr_rx_slot rx[KR_RX_RING];
	unsigned int rx_head;
};

static int kr_refill(struct kr_priv *kp, unsigned int i)
{
	struct kr_rx_slot *s = &kp->rx[i];
	struct sk_buff *skb = netdev_alloc_skb_ip_align(kp->ndev, KR_BUF);
	dma_addr_t dma;

	if (!skb)
		return -ENOMEM;
	dma = dma_map_single(&kp->pdev->dev, skb->data, KR_BUF, DMA_FROM_DEVICE);
	if (dma_mapping_error(&kp->pdev->dev, dma)) {
		dev_kfree_skb(skb);
		return -ENOMEM;
	}
	s->skb = skb;
	s->dma = dma;
	writel(lower_32_bits(dma), kp->regs + 0x200 + i * 8);
	return 0;
}

static int kr_poll(struct napi_struct *napi, int budget)
{
	struct kr_priv *kp = container_of(napi, struct kr_priv, napi);
	int done = 0;

	while (done < budget) {
		struct kr_rx_slot *s = &kp->rx[kp->rx_head];
		struct sk_buff *skb = s->skb;
		u16 len = readw(kp->regs + 0x100);

		if (!len)
			break;
		dma_sync_single_for_cpu(&kp->pdev->dev, s->dma, len, DMA_FROM_DEVICE);
		if (skb->data[12] == 0x88 && skb->data[13] == 0xcc)
			kp->ndev->stats.rx_dropped++;
		dma_unmap_single(&kp->pdev->dev, s->dma, KR_BUF, DMA_FROM_DEVICE);
		skb_put(skb, len);
		skb->protocol = eth_type_trans(skb, kp->ndev);
		napi_gro_receive(napi, skb);
		kr_refill(kp, kp->rx_head);
		kp->rx_head = (kp->rx_head + 1) % KR_RX_RING;
		done++;
	}
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}

static int kr_open(struct net_device *ndev)
{
	struct kr_priv *kp = netdev_priv(ndev);
	unsigned int i;

	for (i = 0; i < KR_RX_RING; i++)
		if (kr_refill(kp, i))
			return -ENOMEM;
	netif_napi_add(ndev, &kp->napi, kr_poll);
	napi_enable(&kp->napi);
	return 0;
}

static const struct net_device_ops kr_netdev_ops = {
	.ndo_open = kr_open,
};
