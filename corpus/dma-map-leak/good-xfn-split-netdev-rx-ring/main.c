/* The PCI glue of a three-file NIC driver (good): probe() creates the net_device (netdev.c), remove() destroys it; the RX ring is filled at ndo_open and drained at ndo_stop (rx.c). */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/pci.h>

struct net_device *gmq_netdev_create(struct pci_dev *pdev, void __iomem *regs);
void gmq_netdev_destroy(struct net_device *ndev);

static int gmq_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *ndev;
	void __iomem *regs;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(48));
	if (err)
		return err;
	regs = pcim_iomap(pdev, 2, 0);
	if (!regs)
		return -ENOMEM;
	pci_set_master(pdev);

	ndev = gmq_netdev_create(pdev, regs);
	if (IS_ERR(ndev))
		return PTR_ERR(ndev);
	pci_set_drvdata(pdev, ndev);
	return 0;
}

static void gmq_remove(struct pci_dev *pdev)
{
	struct net_device *ndev = pci_get_drvdata(pdev);

	gmq_netdev_destroy(ndev);
	pci_clear_master(pdev);
}

static const struct pci_device_id gmq_ids[] = {
	{ PCI_DEVICE(0x1af4, 0x10f5) },
	{ }
};
MODULE_DEVICE_TABLE(pci, gmq_ids);

static struct pci_driver gmq_driver = {
	.name = "gmq",
	.id_table = gmq_ids,
	.probe = gmq_probe,
	.remove = gmq_remove,
};
module_pci_driver(gmq_driver);
MODULE_LICENSE("GPL");
