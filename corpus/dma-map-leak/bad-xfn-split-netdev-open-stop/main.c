/* The PCI glue of a two-file NIC driver: probe() creates the net_device (netdev.c) and remove() destroys it; the RX ring lives entirely in netdev.c. */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/pci.h>

struct net_device *fen_netdev_create(struct pci_dev *pdev, void __iomem *regs);
void fen_netdev_destroy(struct net_device *ndev);

static int fen_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *ndev;
	void __iomem *regs;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(40));
	if (err)
		return err;
	regs = pcim_iomap(pdev, 0, 0);
	if (!regs)
		return -ENOMEM;
	pci_set_master(pdev);

	ndev = fen_netdev_create(pdev, regs);
	if (IS_ERR(ndev))
		return PTR_ERR(ndev);
	pci_set_drvdata(pdev, ndev);
	return 0;
}

static void fen_remove(struct pci_dev *pdev)
{
	struct net_device *ndev = pci_get_drvdata(pdev);

	fen_netdev_destroy(ndev);
	pci_clear_master(pdev);
}

static const struct pci_device_id fen_ids[] = {
	{ PCI_DEVICE(0x1fc9, 0x4024) },
	{ }
};
MODULE_DEVICE_TABLE(pci, fen_ids);

static struct pci_driver fen_driver = {
	.name = "fen",
	.id_table = fen_ids,
	.probe = fen_probe,
	.remove = fen_remove,
};
module_pci_driver(fen_driver);
MODULE_LICENSE("GPL");
