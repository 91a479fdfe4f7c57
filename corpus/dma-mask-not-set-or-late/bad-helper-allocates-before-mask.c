/* dma-mask-not-set-or-late: the probe calls a same-file helper that allocates the TX/RX descriptor rings through priv->pdev, and only afterwards narrows the mask of that device to 31 bits. */
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/dma-mapping.h>

#define WAN_RING_BYTES	8192

struct wan_priv {
	struct pci_dev *pdev;
	struct net_device *ndev;
	void *tx_ring, *rx_ring;
	dma_addr_t tx_dma, rx_dma;
};

static int wan_alloc_rings(struct wan_priv *priv)
{
	priv->tx_ring = dmam_alloc_coherent(&priv->pdev->dev, WAN_RING_BYTES, &priv->tx_dma, GFP_KERNEL);	/* expect-warning dma-mask-not-set-or-late */
	if (!priv->tx_ring)
		return -ENOMEM;
	priv->rx_ring = dmam_alloc_coherent(&priv->pdev->dev, WAN_RING_BYTES, &priv->rx_dma, GFP_KERNEL);	/* expect-warning dma-mask-not-set-or-late */
	if (!priv->rx_ring)
		return -ENOMEM;
	return 0;
}

static int wan_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct net_device *ndev;
	struct wan_priv *priv;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;

	ndev = devm_alloc_etherdev(&pdev->dev, sizeof(*priv));
	if (!ndev)
		return -ENOMEM;
	priv = netdev_priv(ndev);
	priv->pdev = pdev;
	priv->ndev = ndev;

	err = wan_alloc_rings(priv);
	if (err)
		return err;

	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(31));
	if (err) {
		dev_err(&pdev->dev, "no usable DMA configuration\n");
		return err;
	}

	pci_set_master(pdev);
	pci_set_drvdata(pdev, priv);
	return register_netdev(ndev);
}

static struct pci_driver wan_driver = {
	.name = "wan",
	.probe = wan_probe,
};
