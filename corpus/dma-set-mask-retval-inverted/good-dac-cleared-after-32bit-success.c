/* dma-set-mask-retval-inverted: after the 64-bit attempt fails, the success edge of the 32-bit call clears the DAC flag and logs the earlier failure; that is right for a 32-bit mask. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>

struct aac_dev {
	struct pci_dev *pdev;
	int dac_support;
	int in_reset;
};

static int aac_set_dma_masks(struct aac_dev *dev)
{
	if (dev->dac_support) {
		if (!dma_set_mask(&dev->pdev->dev, DMA_BIT_MASK(64))) {
			if (!dev->in_reset)
				dev_info(&dev->pdev->dev, "64 Bit DAC enabled\n");
		} else if (!dma_set_mask(&dev->pdev->dev, DMA_BIT_MASK(32))) {
			dev_info(&dev->pdev->dev, "DMA mask set failed, 64 Bit DAC disabled\n");
			dev->dac_support = 0;
		} else {
			dev_info(&dev->pdev->dev, "No suitable DMA available\n");
			return -ENOMEM;
		}
	}
	return 0;
}

static int aac_probe_one(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct aac_dev *dev;
	int err;

	err = pci_enable_device(pdev);
	if (err)
		return err;
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev) {
		err = -ENOMEM;
		goto out_disable;
	}
	dev->pdev = pdev;
	dev->dac_support = 1;
	err = aac_set_dma_masks(dev);
	if (err)
		goto out_free;
	/* 64-bit capable hardware still allocates its consistent memory below 4 GiB */
	err = dma_set_coherent_mask(&pdev->dev, DMA_BIT_MASK(32));
	if (err)
		goto out_free;
	pci_set_drvdata(pdev, dev);
	return 0;

out_free:
	kfree(dev);
out_disable:
	pci_disable_device(pdev);
	return err;
}

static struct pci_driver aac_pci_driver = {
	.name = "aacx",
	.probe = aac_probe_one,
};
