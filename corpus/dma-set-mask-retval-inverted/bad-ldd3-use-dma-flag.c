/* dma-set-mask-retval-inverted: the LDD3 (S0) belief that dma_set_mask() returns nonzero when DMA is possible; a frame grabber enables DMA exactly when the mask could not be set. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>

#define FG_DMA_BITS	32

struct fg_card {
	struct pci_dev *pdev;
	void __iomem *regs;
	int use_dma;
	unsigned int frame_bytes;
};

static int fg_setup_dma(struct fg_card *card)
{
	struct device *dev = &card->pdev->dev;

	if (dma_set_mask(dev, DMA_BIT_MASK(FG_DMA_BITS)))	/* expect-warning dma-set-mask-retval-inverted */
		card->use_dma = 1;
	else {
		card->use_dma = 0;
		dev_warn(dev, "DMA not supported, falling back to PIO\n");
	}
	return 0;
}

static int fg_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct fg_card *card;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;

	card = devm_kzalloc(&pdev->dev, sizeof(*card), GFP_KERNEL);
	if (!card)
		return -ENOMEM;
	card->pdev = pdev;
	card->frame_bytes = 640 * 480 * 2;

	err = pcim_iomap_regions(pdev, BIT(0), "fg");
	if (err)
		return err;
	card->regs = pcim_iomap_table(pdev)[0];

	fg_setup_dma(card);
	pci_set_master(pdev);
	pci_set_drvdata(pdev, card);
	return 0;
}

static const struct pci_device_id fg_ids[] = {
	{ PCI_DEVICE(0x1a2b, 0x0042) },
	{ }
};

static struct pci_driver fg_driver = {
	.name = "fg",
	.id_table = fg_ids,
	.probe = fg_probe,
};
module_pci_driver(fg_driver);
