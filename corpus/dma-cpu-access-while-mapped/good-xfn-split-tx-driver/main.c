/* The PCI glue of a two-file driver whose TX ring lives in tx.c: the xmit path maps there and the NAPI poll completes (unmaps, then frees) there. */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/pci.h>

struct fxt_tx_ring;
struct fxt_tx_ring *fxt_tx_ring_alloc(struct device *dev, struct net_device *ndev, void __iomem *tail_reg);
void fxt_tx_ring_free(struct fxt_tx_ring *r);
netdev_tx_t fxt_xmit(struct fxt_tx_ring *r, struct sk_buff *skb);
int fxt_tx_clean(struct fxt_tx_ring *r, int budget);

struct fxt_priv {
	struct pci_dev *pdev;
	struct net_device *ndev;
	void __iomem *regs;
	struct napi_struct napi;
	struct fxt_tx_ring *tx;
};

static netdev_tx_t fxt_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct fxt_priv *fp = netdev_priv(ndev);

	return fxt_xmit(fp->tx, skb);
}

static int fxt_poll(struct napi_struct *napi, int budget)
{
	struct fxt_priv *fp = container_of(napi, struct fxt_priv, napi);
	int done = fxt_tx_clean(fp->tx, budget);

	if (done < budget && napi_complete_done(napi, done))
		writel(1, fp->regs + 0x04);
	return done;
}

static int fxt_open(struct net_device *ndev)
{
	struct fxt_priv *fp = netdev_priv(ndev);

	fp->tx = fxt_tx_ring_alloc(&fp->pdev->dev, ndev, fp->regs + 0x40);
	if (!fp->tx)
		return -ENOMEM;
	napi_enable(&fp->napi);
	netif_start_queue(ndev);
	return 0;
}

static int fxt_stop(struct net_device *ndev)
{
	struct fxt_priv *fp = netdev_priv(ndev);

	netif_stop_queue(ndev);
	napi_disable(&fp->napi);
	fxt_tx_ring_free(fp->tx);
	fp->tx = NULL;
	return 0;
}

static const struct net_device_ops fxt_netdev_ops = {
	.ndo_open = fxt_open,
	.ndo_stop = fxt_stop,
	.ndo_start_xmit = fxt_start_xmit,
};

static int fxt_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *ndev;
	struct fxt_priv *fp;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (ret)
		return ret;
	ndev = devm_alloc_etherdev(&pdev->dev, sizeof(*fp));
	if (!ndev)
		return -ENOMEM;
	fp = netdev_priv(ndev);
	fp->pdev = pdev;
	fp->ndev = ndev;
	fp->regs = pcim_iomap(pdev, 0, 0);
	if (!fp->regs)
		return -ENOMEM;
	pci_set_master(pdev);
	ndev->netdev_ops = &fxt_netdev_ops;
	netif_napi_add(ndev, &fp->napi, fxt_poll);
	pci_set_drvdata(pdev, fp);
	return register_netdev(ndev);
}

static void fxt_remove(struct pci_dev *pdev)
{
	struct fxt_priv *fp = pci_get_drvdata(pdev);

	unregister_netdev(fp->ndev);
	netif_napi_del(&fp->napi);
}

static const struct pci_device_id fxt_ids[] = {
	{ PCI_DEVICE(0x1d6a, 0x07b1) },
	{ }
};
MODULE_DEVICE_TABLE(pci, fxt_ids);

static struct pci_driver fxt_driver = {
	.name = "fxt",
	.id_table = fxt_ids,
	.probe = fxt_probe,
	.remove = fxt_remove,
};
module_pci_driver(fxt_driver);
MODULE_LICENSE("GPL");
