/* dma-unmap-args-mismatch (good, cross-function): refill maps SZ_2K FROM_DEVICE, the poll and ndo_stop's drain unmap with exactly the same size and direction. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/dma-mapping.h>
#include <linux/sizes.h>

#define KLX_RX_RING		256
#define KLX_RX_BUF		SZ_2K
#define KLX_RXD_DONE		BIT(31)
#define KLX_RXD_LEN(s)		((s) & 0xffff)
#define KLX_REG_RX_TAIL		0x2018

struct klx_rxd {
	__le32 status;
	__le32 vlan;
	__le64 addr;
};

struct klx_rx_slot {
	struct sk_buff *skb;
	dma_addr_t dma;
};

struct klx_priv {
	struct pci_dev *pdev;
	struct net_device *ndev;
	struct napi_struct napi;
	void __iomem *hw;
	struct klx_rxd *rxd;
	struct klx_rx_slot rx[KLX_RX_RING];
	u16 rx_clean, rx_use;
};

static bool klx_alloc_rx(struct klx_priv *kp, u16 i)
{
	struct klx_rx_slot *s = &kp->rx[i];
	struct sk_buff *skb = netdev_alloc_skb_ip_align(kp->ndev, KLX_RX_BUF);

	if (!skb)
		return false;
	s->dma = dma_map_single(&kp->pdev->dev, skb->data, KLX_RX_BUF, DMA_FROM_DEVICE);
	if (dma_mapping_error(&kp->pdev->dev, s->dma)) {
		dev_kfree_skb_any(skb);
		return false;
	}
	s->skb = skb;
	kp->rxd[i].addr = cpu_to_le64(s->dma);
	kp->rxd[i].status = 0;
	return true;
}

static void klx_refill(struct klx_priv *kp)
{
	u16 i = kp->rx_use;

	while (!kp->rx[i].skb && klx_alloc_rx(kp, i))
		i = (i + 1) % KLX_RX_RING;
	kp->rx_use = i;
	wmb();
	writel(i, kp->hw + KLX_REG_RX_TAIL);
}

static int klx_poll(struct napi_struct *napi, int budget)
{
	struct klx_priv *kp = container_of(napi, struct klx_priv, napi);
	int done = 0;

	while (done < budget) {
		struct klx_rx_slot *s = &kp->rx[kp->rx_clean];
		u32 st = le32_to_cpu(kp->rxd[kp->rx_clean].status);
		struct sk_buff *skb;

		if (!(st & KLX_RXD_DONE))
			break;
		dma_rmb();
		dma_unmap_single(&kp->pdev->dev, s->dma, KLX_RX_BUF, DMA_FROM_DEVICE);
		skb = s->skb;
		s->skb = NULL;
		skb_put(skb, KLX_RXD_LEN(st));
		skb->protocol = eth_type_trans(skb, kp->ndev);
		napi_gro_receive(napi, skb);
		kp->rx_clean = (kp->rx_clean + 1) % KLX_RX_RING;
		done++;
	}
	klx_refill(kp);
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}

static void klx_drain_rx(struct klx_priv *kp)
{
	int i;

	for (i = 0; i < KLX_RX_RING; i++) {
		struct klx_rx_slot *s = &kp->rx[i];

		if (!s->skb)
			continue;
		dma_unmap_single(&kp->pdev->dev, s->dma, KLX_RX_BUF, DMA_FROM_DEVICE);
		dev_kfree_skb(s->skb);
		s->skb = NULL;
	}
}

static int klx_open(struct net_device *ndev)
{
	struct klx_priv *kp = netdev_priv(ndev);

	kp->rx_clean = 0;
	kp->rx_use = 0;
	klx_refill(kp);
	napi_enable(&kp->napi);
	netif_start_queue(ndev);
	return 0;
}

static int klx_stop(struct net_device *ndev)
{
	struct klx_priv *kp = netdev_priv(ndev);

	netif_stop_queue(ndev);
	napi_disable(&kp->napi);
	klx_drain_rx(kp);
	return 0;
}

static netdev_tx_t klx_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops klx_ops = {
	.ndo_open = klx_open,
	.ndo_stop = klx_stop,
	.ndo_start_xmit = klx_xmit,
};
