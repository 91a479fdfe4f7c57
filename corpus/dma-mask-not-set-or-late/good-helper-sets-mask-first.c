/* dma-mask-not-set-or-late: the probe narrows the mask through a same-file helper (via priv->pdev) before allocating, and another helper sets the mask and allocates in the right order itself. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>

#define B44_RING_BYTES	(512 * 8)

struct b44x {
	struct pci_dev *pdev;
	void *rx_ring, *tx_ring;
	dma_addr_t rx_ring_dma, tx_ring_dma;
};

static int b44x_init_dma(struct b44x *bp)
{
	int err;

	err = dma_set_mask_and_coherent(&bp->pdev->dev, DMA_BIT_MASK(30));
	if (err)
		dev_err(&bp->pdev->dev, "Required 30BIT DMA mask unsupported by the system\n");
	return err;
}

static int b44x_tx_setup(struct b44x *bp)
{
	struct device *dev = &bp->pdev->dev;
	int err;

	err = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(30));
	if (err)
		return err;
	bp->tx_ring = dmam_alloc_coherent(dev, B44_RING_BYTES, &bp->tx_ring_dma, GFP_KERNEL);
	return bp->tx_ring ? 0 : -ENOMEM;
}

static int b44x_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct b44x *bp;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	bp = devm_kzalloc(&pdev->dev, sizeof(*bp), GFP_KERNEL);
	if (!bp)
		return -ENOMEM;
	bp->pdev = pdev;

	err = b44x_init_dma(bp);
	if (err)
		return err;
	bp->rx_ring = dmam_alloc_coherent(&pdev->dev, B44_RING_BYTES, &bp->rx_ring_dma, GFP_KERNEL);
	if (!bp->rx_ring)
		return -ENOMEM;
	err = b44x_tx_setup(bp);
	if (err)
		return err;
	pci_set_drvdata(pdev, bp);
	return 0;
}

static struct pci_driver b44x_driver = {
	.name = "b44x",
	.probe = b44x_probe,
};
