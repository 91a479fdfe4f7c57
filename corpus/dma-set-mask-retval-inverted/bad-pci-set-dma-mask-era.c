/* dma-set-mask-retval-inverted: an out-of-tree driver still on the pre-5.18 PCI wrappers (same 0-on-success convention) treats a successful pci_set_consistent_dma_mask() as failure. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>

struct oot_card {
	struct pci_dev *pdev;
	void __iomem *mmio;
	int dac;
};

static int oot_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct oot_card *card;
	int rc;

	rc = pci_enable_device(pdev);
	if (rc)
		return rc;

	card = kzalloc(sizeof(*card), GFP_KERNEL);
	if (!card) {
		rc = -ENOMEM;
		goto out_disable;
	}
	card->pdev = pdev;

	if (!pci_set_dma_mask(pdev, DMA_BIT_MASK(64))) {
		card->dac = 1;
	} else if (pci_set_dma_mask(pdev, DMA_BIT_MASK(32))) {
		rc = -EIO;
		goto out_free;
	}
	if (pci_set_consistent_dma_mask(pdev, DMA_BIT_MASK(32)) == 0) {	/* expect-warning dma-set-mask-retval-inverted */
		dev_err(&pdev->dev, "no consistent DMA\n");
		rc = -EIO;
		goto out_free;
	}

	card->mmio = pci_iomap(pdev, 0, 0);
	if (!card->mmio) {
		rc = -ENOMEM;
		goto out_free;
	}
	pci_set_drvdata(pdev, card);
	return 0;

out_free:
	kfree(card);
out_disable:
	pci_disable_device(pdev);
	return rc;
}

static struct pci_driver oot_driver = {
	.name = "oot",
	.probe = oot_probe,
};
