/* dma-set-mask-retval-inverted: a gigabit NIC sets pci_using_dac (and later NETIF_F_HIGHDMA) on the edge where the 64-bit mask was refused, and clears it where it was accepted. */
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/dma-mapping.h>

struct gnic {
	struct net_device *ndev;
	struct pci_dev *pdev;
	void __iomem *hw;
};

static const struct net_device_ops gnic_netdev_ops;

static int gnic_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct net_device *ndev;
	struct gnic *nic;
	int pci_using_dac, err;

	err = pci_enable_device_mem(pdev);
	if (err)
		return err;

	if (dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64))) {	/* expect-warning dma-set-mask-retval-inverted */
		pci_using_dac = 1;
	} else {
		err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
		if (err) {
			dev_err(&pdev->dev, "No usable DMA configuration, aborting\n");
			goto err_dma;
		}
		pci_using_dac = 0;
	}

	err = pci_request_mem_regions(pdev, "gnic");
	if (err)
		goto err_dma;

	ndev = alloc_etherdev(sizeof(*nic));
	if (!ndev) {
		err = -ENOMEM;
		goto err_regions;
	}
	SET_NETDEV_DEV(ndev, &pdev->dev);
	nic = netdev_priv(ndev);
	nic->ndev = ndev;
	nic->pdev = pdev;
	nic->hw = pci_iomap(pdev, 0, 0);
	if (!nic->hw) {
		err = -EIO;
		goto err_netdev;
	}
	ndev->netdev_ops = &gnic_netdev_ops;
	if (pci_using_dac)
		ndev->features |= NETIF_F_HIGHDMA;

	err = register_netdev(ndev);
	if (err)
		goto err_iomap;
	pci_set_drvdata(pdev, nic);
	return 0;

err_iomap:
	pci_iounmap(pdev, nic->hw);
err_netdev:
	free_netdev(ndev);
err_regions:
	pci_release_mem_regions(pdev);
err_dma:
	pci_disable_device(pdev);
	return err;
}

static struct pci_driver gnic_driver = {
	.name = "gnic",
	.probe = gnic_probe,
};
