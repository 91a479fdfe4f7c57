/* dma-mask-literal-width: the LDD3 (S0) sample: the text says the device is limited to 24 bits, yet the code passes 0xffffffff, a 32-bit mask. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>

struct dad_dev {
	struct pci_dev *pdev;
	void __iomem *regs;
	int use_dma;
};

static int dad_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct dad_dev *dad;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	dad = devm_kzalloc(&pdev->dev, sizeof(*dad), GFP_KERNEL);
	if (!dad)
		return -ENOMEM;
	dad->pdev = pdev;

	/* the DAD controller can only do 24-bit DMA */
	if (dma_set_mask(&pdev->dev, 0xffffffff)) {	/* expect-warning dma-mask-literal-width */
		dev_warn(&pdev->dev, "mydev: DMA not supported\n");
		dad->use_dma = 0;
	} else {
		dad->use_dma = 1;
	}

	dad->regs = pcim_iomap(pdev, 0, 0);
	if (!dad->regs)
		return -ENOMEM;
	pci_set_drvdata(pdev, dad);
	return 0;
}

static struct pci_driver dad_driver = {
	.name = "dad",
	.probe = dad_probe,
};
