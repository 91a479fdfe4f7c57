/* dma-mask-not-set-or-late: the catalogue's good shape: dma_set_mask_and_coherent(30) first, the ring allocated after it succeeded, the descriptor pool too. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>

#define SZ	4096

struct sw30 {
	struct pci_dev *pdev;
	void *ring;
	dma_addr_t h;
	struct dma_pool *desc_pool;
};

static int sw30_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct sw30 *sw;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	sw = devm_kzalloc(&pdev->dev, sizeof(*sw), GFP_KERNEL);
	if (!sw)
		return -ENOMEM;
	sw->pdev = pdev;

	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(30));
	if (ret)
		return ret;
	sw->ring = dmam_alloc_coherent(&pdev->dev, SZ, &sw->h, GFP_KERNEL);
	if (!sw->ring)
		return -ENOMEM;
	sw->desc_pool = dmam_pool_create("sw30_desc", &pdev->dev, 64, 64, 0);
	if (!sw->desc_pool)
		return -ENOMEM;

	pci_set_master(pdev);
	pci_set_drvdata(pdev, sw);
	return 0;
}

static struct pci_driver sw30_driver = {
	.name = "sw30",
	.probe = sw30_probe,
};
