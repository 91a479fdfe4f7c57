/* dma-sync-protocol (good, cross-function): the usual triple - refill maps FROM_DEVICE, the poll syncs for the CPU and back for the device with the same direction around the copybreak, ndo_stop unmaps. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/dma-mapping.h>

#define RTX_NUM_RX		64
#define RTX_RX_BUF_SZ		1536
#define RTX_COPYBREAK		256
#define RTX_DESC_OWN		BIT(31)
#define RTX_DESC_LEN(x)		((x) & 0x3fff)
#define RTX_REG_RX_POLL		0x38

struct rtx_rx_desc {
	__le32 opts1;
	__le32 opts2;
	__le64 addr;
};

struct rtx_priv {
	struct pci_dev *pdev;
	struct net_device *ndev;
	struct napi_struct napi;
	void __iomem *mmio;
	struct rtx_rx_desc *rx_ring;
	struct sk_buff *rx_skb[RTX_NUM_RX];
	dma_addr_t rx_dma[RTX_NUM_RX];
	unsigned int cur_rx;
};

static int rtx_rx_fill(struct rtx_priv *tp)
{
	unsigned int i;

	for (i = 0; i < RTX_NUM_RX; i++) {
		struct sk_buff *skb;

		if (tp->rx_skb[i])
			continue;
		skb = netdev_alloc_skb_ip_align(tp->ndev, RTX_RX_BUF_SZ);
		if (!skb)
			return -ENOMEM;
		tp->rx_dma[i] = dma_map_single(&tp->pdev->dev, skb->data, RTX_RX_BUF_SZ, DMA_FROM_DEVICE);
		if (dma_mapping_error(&tp->pdev->dev, tp->rx_dma[i])) {
			dev_kfree_skb(skb);
			return -ENOMEM;
		}
		tp->rx_skb[i] = skb;
		tp->rx_ring[i].addr = cpu_to_le64(tp->rx_dma[i]);
		wmb();
		tp->rx_ring[i].opts1 = cpu_to_le32(RTX_DESC_OWN | RTX_RX_BUF_SZ);
	}
	return 0;
}

static int rtx_poll(struct napi_struct *napi, int budget)
{
	struct rtx_priv *tp = container_of(napi, struct rtx_priv, napi);
	int done = 0;

	while (done < budget) {
		unsigned int entry = tp->cur_rx % RTX_NUM_RX;
		struct rtx_rx_desc *desc = &tp->rx_ring[entry];
		u32 status = le32_to_cpu(desc->opts1);
		unsigned int len;
		struct sk_buff *skb;

		if (status & RTX_DESC_OWN)
			break;
		dma_rmb();
		len = RTX_DESC_LEN(status);
		if (len > RTX_COPYBREAK)
			goto release;
		skb = napi_alloc_skb(napi, len);
		if (!skb)
			goto release;
		dma_sync_single_for_cpu(&tp->pdev->dev, tp->rx_dma[entry], len, DMA_FROM_DEVICE);
		skb_put_data(skb, tp->rx_skb[entry]->data, len);
		dma_sync_single_for_device(&tp->pdev->dev, tp->rx_dma[entry], len, DMA_FROM_DEVICE);
		skb->protocol = eth_type_trans(skb, tp->ndev);
		napi_gro_receive(napi, skb);
release:
		desc->opts2 = 0;
		dma_wmb();
		desc->opts1 = cpu_to_le32(RTX_DESC_OWN | RTX_RX_BUF_SZ);
		tp->cur_rx++;
		done++;
	}
	writeb(1, tp->mmio + RTX_REG_RX_POLL);
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}

static void rtx_rx_clear(struct rtx_priv *tp)
{
	unsigned int i;

	for (i = 0; i < RTX_NUM_RX; i++) {
		if (!tp->rx_skb[i])
			continue;
		dma_unmap_single(&tp->pdev->dev, tp->rx_dma[i], RTX_RX_BUF_SZ, DMA_FROM_DEVICE);
		dev_kfree_skb(tp->rx_skb[i]);
		tp->rx_skb[i] = NULL;
	}
}

static int rtx_open(struct net_device *ndev)
{
	struct rtx_priv *tp = netdev_priv(ndev);
	int ret;

	tp->cur_rx = 0;
	ret = rtx_rx_fill(tp);
	if (ret) {
		rtx_rx_clear(tp);
		return ret;
	}
	napi_enable(&tp->napi);
	netif_start_queue(ndev);
	return 0;
}

static int rtx_close(struct net_device *ndev)
{
	struct rtx_priv *tp = netdev_priv(ndev);

	netif_stop_queue(ndev);
	napi_disable(&tp->napi);
	rtx_rx_clear(tp);
	return 0;
}

static netdev_tx_t rtx_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops rtx_netdev_ops = {
	.ndo_open = rtx_open,
	.ndo_stop = rtx_close,
	.ndo_start_xmit = rtx_start_xmit,
};
