/* dma-mask-literal-width: masks built by hand overflow: (1 << 32) - 1 shifts an int by its width, and (1ULL << 64) - 1 is undefined too; DMA_BIT_MASK() special-cases 64 for this reason. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>

struct acc_dev {
	struct pci_dev *pdev;
	void __iomem *csr;
	bool wide;
};

static int acc_set_dma(struct acc_dev *acc)
{
	struct device *dev = &acc->pdev->dev;
	int rc;

	if (acc->wide)
		rc = dma_set_mask_and_coherent(dev, (1ULL << 64) - 1);	/* expect-warning dma-mask-literal-width */
	else
		rc = dma_set_mask_and_coherent(dev, (1 << 32) - 1);	/* expect-warning dma-mask-literal-width */
	if (rc)
		dev_err(dev, "failed to set the DMA mask: %d\n", rc);
	return rc;
}

static int acc_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct acc_dev *acc;
	int rc;

	rc = pcim_enable_device(pdev);
	if (rc)
		return rc;
	acc = devm_kzalloc(&pdev->dev, sizeof(*acc), GFP_KERNEL);
	if (!acc)
		return -ENOMEM;
	acc->pdev = pdev;
	acc->wide = id->driver_data;
	acc->csr = pcim_iomap(pdev, 2, 0);
	if (!acc->csr)
		return -ENOMEM;
	rc = acc_set_dma(acc);
	if (rc)
		return rc;
	pci_set_drvdata(pdev, acc);
	return 0;
}

static struct pci_driver acc_driver = {
	.name = "acc",
	.probe = acc_probe,
};
