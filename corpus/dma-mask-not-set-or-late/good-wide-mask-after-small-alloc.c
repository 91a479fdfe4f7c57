/* dma-mask-not-set-or-late: a status block allocated under the 32-bit default before the mask is widened to 64 bits: the device can address everything the narrower default gives it, so this is not flagged. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>

struct hfi {
	struct pci_dev *pdev;
	u64 *status;
	dma_addr_t status_dma;
};

static int hfi_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct hfi *dd;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	dd = devm_kzalloc(&pdev->dev, sizeof(*dd), GFP_KERNEL);
	if (!dd)
		return -ENOMEM;
	dd->pdev = pdev;

	dd->status = dmam_alloc_coherent(&pdev->dev, PAGE_SIZE, &dd->status_dma, GFP_KERNEL);
	if (!dd->status)
		return -ENOMEM;

	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (ret) {
		dev_err(&pdev->dev, "Unable to set DMA mask: %d\n", ret);
		return ret;
	}

	pci_set_master(pdev);
	pci_set_drvdata(pdev, dd);
	return 0;
}

static struct pci_driver hfi_driver = {
	.name = "hfi",
	.probe = hfi_probe,
};
