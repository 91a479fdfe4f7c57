/* dma-mask-not-set-or-late: both masks narrowed with separate calls before use, and a driver whose streaming-only call in probe is paired with a coherent call in the same file (its resume path re-establishes both). */
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>

struct wanxl {
	struct pci_dev *pdev;
	void *status;
	dma_addr_t status_dma;
	struct dma_pool *pool;
};

static int wanxl_set_coherent(struct pci_dev *pdev)
{
	return dma_set_coherent_mask(&pdev->dev, DMA_BIT_MASK(28));
}

static int wanxl_pci_init_one(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct wanxl *card;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;

	/* the card decodes only 28-bit bus addresses */
	if (dma_set_coherent_mask(&pdev->dev, DMA_BIT_MASK(28)) ||
	    dma_set_mask(&pdev->dev, DMA_BIT_MASK(28))) {
		pr_err("No usable DMA configuration\n");
		return -EIO;
	}

	card = devm_kzalloc(&pdev->dev, sizeof(*card), GFP_KERNEL);
	if (!card)
		return -ENOMEM;
	card->pdev = pdev;
	card->status = dmam_alloc_coherent(&pdev->dev, PAGE_SIZE, &card->status_dma, GFP_KERNEL);
	if (!card->status)
		return -ENOMEM;
	pci_set_drvdata(pdev, card);
	return 0;
}

static int wanxl2_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct wanxl *card;
	int err;

	err = dma_set_mask(&pdev->dev, DMA_BIT_MASK(28));
	if (err)
		return err;
	err = wanxl_set_coherent(pdev);
	if (err)
		return err;
	card = devm_kzalloc(&pdev->dev, sizeof(*card), GFP_KERNEL);
	if (!card)
		return -ENOMEM;
	card->pdev = pdev;
	card->pool = dmam_pool_create("wanxl2", &pdev->dev, 128, 8, 0);
	if (!card->pool)
		return -ENOMEM;
	pci_set_drvdata(pdev, card);
	return 0;
}

static int wanxl2_resume(struct device *dev)
{
	int err = dma_set_mask(dev, DMA_BIT_MASK(28));

	return err ? err : dma_set_coherent_mask(dev, DMA_BIT_MASK(28));
}

static SIMPLE_DEV_PM_OPS(wanxl2_pm, NULL, wanxl2_resume);

static struct pci_driver wanxl_driver = {
	.name = "wanxl",
	.probe = wanxl_pci_init_one,
};

static struct pci_driver wanxl2_driver = {
	.name = "wanxl2",
	.probe = wanxl2_probe,
	.driver.pm = &wanxl2_pm,
};
