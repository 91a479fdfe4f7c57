/* dma-map-leak (good, cross-function): ndo_open() fills the RX ring with mapped pages, the NAPI poll hands full pages up and refills, ndo_stop() drains the ring through the same free helper that open's error path uses. */
#include <linux/dma-mapping.h>
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/skbuff.h>

#define KTE_RX_RING	256
#define KTE_REG_CTRL	0x0000
#define KTE_REG_RX_BASE	0x0010
#define KTE_REG_RX_TAIL	0x0018
#define KTE_CTRL_RX_EN	BIT(0)
#define KTE_DESC_DONE	BIT(31)

struct kte_rx_desc {
	__le64 addr;
	__le32 len;
	__le32 status;
};

struct kte_rx_buf {
	struct page *page;
	dma_addr_t dma;
};

struct kte_rx_ring {
	struct kte_rx_desc *desc;
	dma_addr_t desc_dma;
	struct kte_rx_buf buf[KTE_RX_RING];
	unsigned int next_to_clean;
};

struct kte_adapter {
	struct pci_dev *pdev;
	struct net_device *netdev;
	void __iomem *hw;
	struct napi_struct napi;
	struct kte_rx_ring rx;
};

static int kte_rx_alloc_one(struct kte_adapter *ad, unsigned int i)
{
	struct kte_rx_buf *rb = &ad->rx.buf[i];
	struct page *page;
	dma_addr_t dma;

	page = dev_alloc_page();
	if (!page)
		return -ENOMEM;
	dma = dma_map_page(&ad->pdev->dev, page, 0, PAGE_SIZE, DMA_FROM_DEVICE);
	if (dma_mapping_error(&ad->pdev->dev, dma)) {
		__free_page(page);
		return -ENOMEM;
	}
	rb->page = page;
	rb->dma = dma;
	ad->rx.desc[i].addr = cpu_to_le64(dma);
	ad->rx.desc[i].status = 0;
	return 0;
}

static void kte_rx_free_ring(struct kte_adapter *ad)
{
	unsigned int i;

	for (i = 0; i < KTE_RX_RING; i++) {
		struct kte_rx_buf *rb = &ad->rx.buf[i];

		if (!rb->page)
			continue;
		dma_unmap_page(&ad->pdev->dev, rb->dma, PAGE_SIZE, DMA_FROM_DEVICE);
		__free_page(rb->page);
		rb->page = NULL;
	}
}

static int kte_poll(struct napi_struct *napi, int budget)
{
	struct kte_adapter *ad = container_of(napi, struct kte_adapter, napi);
	int done = 0;

	while (done < budget) {
		unsigned int i = ad->rx.next_to_clean;
		struct kte_rx_buf *rb = &ad->rx.buf[i];
		struct kte_rx_desc *d = &ad->rx.desc[i];
		struct sk_buff *skb;

		if (!(le32_to_cpu(d->status) & KTE_DESC_DONE))
			break;
		dma_rmb();
		dma_unmap_page(&ad->pdev->dev, rb->dma, PAGE_SIZE, DMA_FROM_DEVICE);
		skb = napi_alloc_skb(napi, 0);
		if (skb) {
			skb_add_rx_frag(skb, 0, rb->page, 0, le32_to_cpu(d->len), PAGE_SIZE);
			skb->protocol = eth_type_trans(skb, ad->netdev);
			napi_gro_receive(napi, skb);
		} else {
			__free_page(rb->page);
		}
		rb->page = NULL;
		if (kte_rx_alloc_one(ad, i))
			break;
		ad->rx.next_to_clean = (i + 1) % KTE_RX_RING;
		done++;
	}
	writel(ad->rx.next_to_clean, ad->hw + KTE_REG_RX_TAIL);
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}

static int kte_open(struct net_device *netdev)
{
	struct kte_adapter *ad = netdev_priv(netdev);
	unsigned int i;
	int err;

	for (i = 0; i < KTE_RX_RING; i++) {
		err = kte_rx_alloc_one(ad, i);
		if (err)
			goto err_free;
	}
	ad->rx.next_to_clean = 0;
	lo_hi_writeq(ad->rx.desc_dma, ad->hw + KTE_REG_RX_BASE);
	napi_enable(&ad->napi);
	writel(KTE_CTRL_RX_EN, ad->hw + KTE_REG_CTRL);
	netif_start_queue(netdev);
	return 0;

err_free:
	kte_rx_free_ring(ad);
	return err;
}

static int kte_stop(struct net_device *netdev)
{
	struct kte_adapter *ad = netdev_priv(netdev);

	netif_stop_queue(netdev);
	writel(0, ad->hw + KTE_REG_CTRL);
	napi_disable(&ad->napi);
	kte_rx_free_ring(ad);
	return 0;
}

static netdev_tx_t kte_xmit(struct sk_buff *skb, struct net_device *netdev)
{
	dev_kfree_skb_any(skb);
	netdev->stats.tx_dropped++;
	return NETDEV_TX_OK;
}

static const struct net_device_ops kte_netdev_ops = {
	.ndo_open = kte_open,
	.ndo_stop = kte_stop,
	.ndo_start_xmit = kte_xmit,
};

static int kte_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *netdev;
	struct kte_adapter *ad;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (err)
		return err;
	pci_set_master(pdev);

	netdev = devm_alloc_etherdev(&pdev->dev, sizeof(*ad));
	if (!netdev)
		return -ENOMEM;
	SET_NETDEV_DEV(netdev, &pdev->dev);
	ad = netdev_priv(netdev);
	ad->pdev = pdev;
	ad->netdev = netdev;
	ad->hw = pcim_iomap(pdev, 0, 0);
	if (!ad->hw)
		return -ENOMEM;
	ad->rx.desc = dmam_alloc_coherent(&pdev->dev, KTE_RX_RING * sizeof(struct kte_rx_desc),
					  &ad->rx.desc_dma, GFP_KERNEL);
	if (!ad->rx.desc)
		return -ENOMEM;
	netif_napi_add(netdev, &ad->napi, kte_poll);
	netdev->netdev_ops = &kte_netdev_ops;
	pci_set_drvdata(pdev, netdev);
	return register_netdev(netdev);
}

static void kte_remove(struct pci_dev *pdev)
{
	struct net_device *netdev = pci_get_drvdata(pdev);

	unregister_netdev(netdev);
	netif_napi_del(&((struct kte_adapter *)netdev_priv(netdev))->napi);
}

static const struct pci_device_id kte_pci_tbl[] = {
	{ PCI_DEVICE(0x1c2c, 0x1001) },
	{ }
};

static struct pci_driver kte_driver = {
	.name = "kte",
	.id_table = kte_pci_tbl,
	.probe = kte_probe,
	.remove = kte_remove,
};
module_pci_driver(kte_driver);
MODULE_LICENSE("GPL");
