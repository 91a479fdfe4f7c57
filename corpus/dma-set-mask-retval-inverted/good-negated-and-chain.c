/* dma-set-mask-retval-inverted: the older two-call idiom "!dma_set_mask() && !dma_set_coherent_mask()" tested for success, with a 32-bit fallback and -EIO when both fail. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>

struct xil_ep {
	struct pci_dev *pdev;
	int dma_using_dac;
	void __iomem *registers;
};

static int xil_set_dma(struct xil_ep *ep)
{
	struct pci_dev *pdev = ep->pdev;

	if (!dma_set_mask(&pdev->dev, DMA_BIT_MASK(64)) &&
	    !dma_set_coherent_mask(&pdev->dev, DMA_BIT_MASK(64))) {
		ep->dma_using_dac = 1;
	} else if (!dma_set_mask(&pdev->dev, DMA_BIT_MASK(32)) &&
		   !dma_set_coherent_mask(&pdev->dev, DMA_BIT_MASK(32))) {
		ep->dma_using_dac = 0;
	} else {
		dev_err(&pdev->dev, "Failed to set DMA mask. Aborting.\n");
		return -ENODEV;
	}
	return 0;
}

static int xil_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct xil_ep *ep;
	int rc;

	ep = devm_kzalloc(&pdev->dev, sizeof(*ep), GFP_KERNEL);
	if (!ep)
		return -ENOMEM;
	ep->pdev = pdev;
	rc = pcim_enable_device(pdev);
	if (rc)
		return rc;
	rc = pcim_iomap_regions(pdev, 0x01, "xil");
	if (rc)
		return rc;
	ep->registers = pcim_iomap_table(pdev)[0];
	pci_set_master(pdev);
	rc = xil_set_dma(ep);
	if (rc)
		return rc;
	pci_set_drvdata(pdev, ep);
	return 0;
}

static struct pci_driver xil_driver = {
	.name = "xil",
	.probe = xil_probe,
};
