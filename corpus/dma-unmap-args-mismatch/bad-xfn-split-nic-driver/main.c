/* dma-unmap-args-mismatch across files: main.c's ndo_stop drains the RX ring that rx.c mapped DMA_FROM_DEVICE, but unmaps with DMA_BIDIRECTIONAL (left over from an XDP variant of the ring). */
#include <linux/module.h>
#include <linux/dma-mapping.h>
#include "aql.h"

static void aql_rx_drain(struct aql_priv *ap)
{
	struct aql_rx_ring *rx = &ap->rx;
	int i;

	for (i = 0; i < AQL_RX_RING; i++) {
		struct aql_rx_buf *b = &rx->buf[i];

		if (!b->skb)
			continue;
		dma_unmap_single(rx->dev, b->dma, AQL_RX_BUF_LEN, DMA_BIDIRECTIONAL); /* expect-warning dma-unmap-args-mismatch */
		dev_kfree_skb(b->skb);
		b->skb = NULL;
	}
	rx->clean = 0;
	rx->fill = 0;
}

static int aql_open(struct net_device *ndev)
{
	struct aql_priv *ap = netdev_priv(ndev);

	if (!aql_rx_fill(&ap->rx))
		return -ENOMEM;
	writeq(ap->rx.desc_dma, ap->regs + AQL_REG_RX_BASE);
	napi_enable(&ap->napi);
	writel(AQL_CTRL_RX_EN, ap->regs + AQL_REG_CTRL);
	netif_start_queue(ndev);
	return 0;
}

static int aql_stop(struct net_device *ndev)
{
	struct aql_priv *ap = netdev_priv(ndev);

	netif_stop_queue(ndev);
	writel(0, ap->regs + AQL_REG_CTRL);
	napi_disable(&ap->napi);
	aql_rx_drain(ap);
	return 0;
}

static netdev_tx_t aql_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	/* TX goes through the mailbox firmware path in the real part; dropped here */
	dev_kfree_skb_any(skb);
	ndev->stats.tx_dropped++;
	return NETDEV_TX_OK;
}

static const struct net_device_ops aql_netdev_ops = {
	.ndo_open = aql_open,
	.ndo_stop = aql_stop,
	.ndo_start_xmit = aql_xmit,
};

static int aql_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *ndev;
	struct aql_priv *ap;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (ret)
		return ret;
	ndev = devm_alloc_etherdev(&pdev->dev, sizeof(*ap));
	if (!ndev)
		return -ENOMEM;
	SET_NETDEV_DEV(ndev, &pdev->dev);
	ap = netdev_priv(ndev);
	ap->pdev = pdev;
	ap->ndev = ndev;
	ap->regs = pcim_iomap(pdev, 0, 0);
	if (!ap->regs)
		return -ENOMEM;
	ap->rx.dev = &pdev->dev;
	ap->rx.ndev = ndev;
	ap->rx.regs = ap->regs;
	ap->rx.desc = dmam_alloc_coherent(&pdev->dev, AQL_RX_RING * sizeof(struct aql_rx_desc),
					  &ap->rx.desc_dma, GFP_KERNEL);
	if (!ap->rx.desc)
		return -ENOMEM;
	pci_set_master(pdev);
	ndev->netdev_ops = &aql_netdev_ops;
	netif_napi_add(ndev, &ap->napi, aql_rx_poll);
	pci_set_drvdata(pdev, ap);
	return register_netdev(ndev);
}

static void aql_remove(struct pci_dev *pdev)
{
	struct aql_priv *ap = pci_get_drvdata(pdev);

	unregister_netdev(ap->ndev);
	netif_napi_del(&ap->napi);
}

static const struct pci_device_id aql_ids[] = {
	{ PCI_DEVICE(0x1d6a, 0x07b1) },
	{ }
};
MODULE_DEVICE_TABLE(pci, aql_ids);

static struct pci_driver aql_driver = {
	.name = "aql",
	.id_table = aql_ids,
	.probe = aql_probe,
	.remove = aql_remove,
};
module_pci_driver(aql_driver);
MODULE_LICENSE("GPL");
