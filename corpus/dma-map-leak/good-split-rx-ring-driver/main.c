/* The PCI glue of a two-file driver: probe() fills the RX ring (ring.c); remove() drains it. */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/pci.h>

struct lnx_rx_ring;
struct lnx_rx_ring *lnx_rx_fill(struct device *dev, struct net_device *ndev, void __iomem *regs);
void lnx_rx_drain(struct lnx_rx_ring *r);

struct lnx_priv {
	struct pci_dev *pdev;
	struct net_device *ndev;
	void __iomem *regs;
	struct lnx_rx_ring *rx;
};

static int lnx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct lnx_priv *lp;
	int ret;

	lp = devm_kzalloc(&pdev->dev, sizeof(*lp), GFP_KERNEL);
	if (!lp)
		return -ENOMEM;
	lp->pdev = pdev;
	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	lp->regs = pcim_iomap(pdev, 0, 0);
	if (!lp->regs)
		return -ENOMEM;
	pci_set_master(pdev);
	lp->rx = lnx_rx_fill(&pdev->dev, lp->ndev, lp->regs);
	if (!lp->rx)
		return -ENOMEM;
	pci_set_drvdata(pdev, lp);
	return 0;
}

static void lnx_remove(struct pci_dev *pdev)
{
	struct lnx_priv *lp = pci_get_drvdata(pdev);

	writel(0, lp->regs + 0x04);
	pci_clear_master(pdev);
	lnx_rx_drain(lp->rx);
	kfree(lp->rx);
} 

static const struct pci_device_id lnx_ids[] = {
	{ PCI_DEVICE(0x1d0f, 0x00aa) },
	{ }
};

static struct pci_driver lnx_driver = {
	.name = "lnx",
	.id_table = lnx_ids,
	.probe = lnx_probe,
	.remove = lnx_remove,
};
module_pci_driver(lnx_driver);
