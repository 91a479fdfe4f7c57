/* dma-set-mask-retval-inverted: the classic NIC probe: try 64-bit, fall back to 32-bit, fail the probe if neither works; the DAC flag is set on the success edge only. */
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/dma-mapping.h>

struct e1k_adapter {
	struct net_device *netdev;
	struct pci_dev *pdev;
	u8 __iomem *hw_addr;
};

static const struct net_device_ops e1k_netdev_ops;

static int e1k_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct net_device *netdev;
	struct e1k_adapter *adapter;
	int pci_using_dac, err;

	err = pci_enable_device_mem(pdev);
	if (err)
		return err;

	pci_using_dac = 0;
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (!err) {
		pci_using_dac = 1;
	} else {
		err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
		if (err) {
			dev_err(&pdev->dev, "No usable DMA configuration, aborting\n");
			goto err_dma;
		}
	}

	err = pci_request_selected_regions_exclusive(pdev, pci_select_bars(pdev, IORESOURCE_MEM), "e1k");
	if (err)
		goto err_pci_reg;

	pci_set_master(pdev);
	netdev = alloc_etherdev(sizeof(*adapter));
	if (!netdev) {
		err = -ENOMEM;
		goto err_alloc_etherdev;
	}
	SET_NETDEV_DEV(netdev, &pdev->dev);
	adapter = netdev_priv(netdev);
	adapter->netdev = netdev;
	adapter->pdev = pdev;
	adapter->hw_addr = pci_ioremap_bar(pdev, 0);
	if (!adapter->hw_addr) {
		err = -EIO;
		goto err_ioremap;
	}
	netdev->netdev_ops = &e1k_netdev_ops;
	if (pci_using_dac)
		netdev->features |= NETIF_F_HIGHDMA;

	err = register_netdev(netdev);
	if (err)
		goto err_register;
	pci_set_drvdata(pdev, netdev);
	return 0;

err_register:
	iounmap(adapter->hw_addr);
err_ioremap:
	free_netdev(netdev);
err_alloc_etherdev:
	pci_release_mem_regions(pdev);
err_pci_reg:
err_dma:
	pci_disable_device(pdev);
	return err;
}

static struct pci_driver e1k_driver = {
	.name = "e1k",
	.probe = e1k_probe,
};
