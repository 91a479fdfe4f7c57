/* dma-mask-literal-width: a PCnet-style driver hides its literals in same-file macros: 0xffffffff is the right value but should be written DMA_BIT_MASK(32), and the hand-counted 0x7fffffffULL is 31 bits where its own comment says 30. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>

#define PCN_DMA_MASK	0xffffffff
#define PCN_RING_MASK	0x7fffffffULL	/* 30-bit addresses on the rev A parts */

struct pcn_private {
	struct pci_dev *pci_dev;
	unsigned long ioaddr;
	int rev_a;
};

static int pcn_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct pcn_private *lp;
	int err;

	err = pci_enable_device(pdev);
	if (err < 0)
		return err;
	pci_set_master(pdev);

	err = dma_set_mask(&pdev->dev, PCN_DMA_MASK);	/* expect-warning dma-mask-literal-width */
	if (err) {
		pr_err("architecture does not support 32bit PCI busmaster DMA\n");
		goto err_disable;
	}

	lp = devm_kzalloc(&pdev->dev, sizeof(*lp), GFP_KERNEL);
	if (!lp) {
		err = -ENOMEM;
		goto err_disable;
	}
	lp->pci_dev = pdev;
	lp->ioaddr = pci_resource_start(pdev, 0);
	lp->rev_a = pdev->revision == 0;
	if (lp->rev_a) {
		err = dma_set_coherent_mask(&pdev->dev, PCN_RING_MASK);	/* expect-warning dma-mask-literal-width */
		if (err)
			goto err_disable;
	}
	pci_set_drvdata(pdev, lp);
	return 0;

err_disable:
	pci_disable_device(pdev);
	return err;
}

static struct pci_driver pcn_driver = {
	.name = "pcn",
	.probe = pcn_probe,
};
