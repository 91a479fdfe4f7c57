/* dma-mask-not-set-or-late: the catalogue's example: the ring is allocated before any mask, and then only the streaming mask is narrowed to 30 bits; the coherent mask is never touched. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>

#define SZ	4096

struct lan30 {
	struct pci_dev *pdev;
	void *ring;
	dma_addr_t h;
};

static int lan30_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct lan30 *lp;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	lp = devm_kzalloc(&pdev->dev, sizeof(*lp), GFP_KERNEL);
	if (!lp)
		return -ENOMEM;
	lp->pdev = pdev;

	lp->ring = dmam_alloc_coherent(&pdev->dev, SZ, &lp->h, GFP_KERNEL);	/* expect-warning dma-mask-not-set-or-late */
	if (!lp->ring)
		return -ENOMEM;
	err = dma_set_mask(&pdev->dev, DMA_BIT_MASK(30));
	if (err)
		return err;

	pci_set_drvdata(pdev, lp);
	return 0;
}

static struct pci_driver lan30_driver = {
	.name = "lan30",
	.probe = lan30_probe,
};
