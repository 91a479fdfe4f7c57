/* dma-set-mask-retval-inverted: the pre-3.13 igb/ixgbevf fallback: the 32-bit coherent mask is set only when dma_set_mask(32) failed, so on success the coherent mask is never set, and a failed streaming mask is ignored. */
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>

struct igx_adapter {
	struct pci_dev *pdev;
	struct net_device *netdev;
	u8 __iomem *io_addr;
};

static int igx_set_dma(struct pci_dev *pdev, int *pci_using_dac)
{
	int err;

	err = dma_set_mask(&pdev->dev, DMA_BIT_MASK(64));
	if (!err) {
		err = dma_set_coherent_mask(&pdev->dev, DMA_BIT_MASK(64));
		if (!err)
			*pci_using_dac = 1;
	} else {
		err = dma_set_mask(&pdev->dev, DMA_BIT_MASK(32));	/* expect-warning dma-set-mask-retval-inverted */
		if (err) {
			err = dma_set_coherent_mask(&pdev->dev, DMA_BIT_MASK(32));
			if (err) {
				dev_err(&pdev->dev, "No usable DMA configuration, aborting\n");
				return err;
			}
		}
	}
	return 0;
}

static int igx_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct igx_adapter *adapter;
	struct net_device *netdev;
	int pci_using_dac = 0;
	int err;

	err = pci_enable_device_mem(pdev);
	if (err)
		return err;
	err = igx_set_dma(pdev, &pci_using_dac);
	if (err)
		goto err_dma;

	netdev = alloc_etherdev(sizeof(*adapter));
	if (!netdev) {
		err = -ENOMEM;
		goto err_dma;
	}
	adapter = netdev_priv(netdev);
	adapter->netdev = netdev;
	adapter->pdev = pdev;
	if (pci_using_dac)
		netdev->features |= NETIF_F_HIGHDMA;
	pci_set_drvdata(pdev, adapter);
	return 0;

err_dma:
	pci_disable_device(pdev);
	return err;
}

static struct pci_driver igx_driver = {
	.name = "igx",
	.probe = igx_probe,
};
