/* dma-set-mask-retval-inverted: a helper returns 0 as soon as one mask is accepted and -EIO when none is (the jme shape); the success edges return 0, not an error. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>

struct jmx {
	struct pci_dev *pdev;
	void __iomem *regs;
	bool highdma;
};

static int jmx_pci_dma64(struct pci_dev *pdev)
{
	if (!dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64)))
		return 1;

	if (!dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(40)))
		return 1;

	if (!dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32)))
		return 0;

	return -1;
}

static int jmx_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct jmx *j;
	int using_dac, rc;

	rc = pcim_enable_device(pdev);
	if (rc)
		return rc;

	using_dac = jmx_pci_dma64(pdev);
	if (using_dac < 0) {
		dev_err(&pdev->dev, "Cannot set PCI DMA Mask\n");
		return -EIO;
	}

	j = devm_kzalloc(&pdev->dev, sizeof(*j), GFP_KERNEL);
	if (!j)
		return -ENOMEM;
	j->pdev = pdev;
	j->highdma = using_dac;
	j->regs = pcim_iomap(pdev, 0, 0);
	if (!j->regs)
		return -ENOMEM;
	pci_set_drvdata(pdev, j);
	return 0;
}

static struct pci_driver jmx_driver = {
	.name = "jmx",
	.probe = jmx_probe,
};
