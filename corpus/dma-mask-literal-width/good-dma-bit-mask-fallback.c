/* dma-mask-literal-width: DMA_BIT_MASK(64) with a DMA_BIT_MASK(32) fallback under a comment that names both widths (not a statement of one device limit). */
#include <linux/pci.h>
#include <linux/dma-mapping.h>

struct enx {
	struct pci_dev *pdev;
	void __iomem *bar0;
	bool dac;
};

static int enx_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct enx *e;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	e = devm_kzalloc(&pdev->dev, sizeof(*e), GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	e->pdev = pdev;

	/* Query the PCI controller for the DMA addressing limit of the
	 * device: try 47-bit first, and fall back to 32-bit.
	 */
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(47));
	if (err) {
		err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
		if (err) {
			dev_err(&pdev->dev, "No usable DMA configuration, aborting\n");
			return err;
		}
	} else {
		e->dac = true;
	}

	e->bar0 = pcim_iomap(pdev, 0, 0);
	if (!e->bar0)
		return -ENOMEM;
	pci_set_drvdata(pdev, e);
	return 0;
}

static struct pci_driver enx_driver = {
	.name = "enx",
	.probe = enx_probe,
};
