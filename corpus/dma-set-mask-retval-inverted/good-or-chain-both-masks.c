/* dma-set-mask-retval-inverted: the two masks set with the same value, the second on the success edge of the first: "||" chains that fail if either call fails, and "if (!dma_set_mask(M)) dma_set_coherent_mask(M)". */
#include <linux/pci.h>
#include <linux/dma-mapping.h>

struct atl {
	struct pci_dev *pdev;
	u8 __iomem *hw_addr;
};

static int atl_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct atl *adapter;
	int err;

	err = pci_enable_device(pdev);
	if (err)
		return err;

	/*
	 * the chip is a shared-high-32-bit device, so we're stuck with
	 * 32-bit DMA until the kernel can describe it.
	 */
	if ((dma_set_mask(&pdev->dev, DMA_BIT_MASK(32)) != 0) ||
	    (dma_set_coherent_mask(&pdev->dev, DMA_BIT_MASK(32)) != 0)) {
		dev_err(&pdev->dev, "No usable DMA configuration, aborting\n");
		err = -EIO;
		goto err_dma;
	}

	adapter = devm_kzalloc(&pdev->dev, sizeof(*adapter), GFP_KERNEL);
	if (!adapter) {
		err = -ENOMEM;
		goto err_dma;
	}
	adapter->pdev = pdev;
	pci_set_drvdata(pdev, adapter);
	return 0;

err_dma:
	pci_disable_device(pdev);
	return err;
}

struct nvx_dev {
	struct pci_dev *pci_dev;
	void __iomem *bar;
};

static int nvx_dev_map(struct nvx_dev *dev)
{
	struct pci_dev *pdev = dev->pci_dev;
	int result = -ENOMEM;

	if (pci_enable_device_mem(pdev))
		return result;

	if (!dma_set_mask(&pdev->dev, DMA_BIT_MASK(64)))
		dma_set_coherent_mask(&pdev->dev, DMA_BIT_MASK(64));
	else if (!dma_set_mask(&pdev->dev, DMA_BIT_MASK(32)))
		dma_set_coherent_mask(&pdev->dev, DMA_BIT_MASK(32));
	else
		goto disable;

	dev->bar = ioremap(pci_resource_start(pdev, 0), 8192);
	if (!dev->bar)
		goto disable;
	return 0;

disable:
	pci_disable_device(pdev);
	return result;
}

static int nvx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct nvx_dev *dev;

	dev = devm_kzalloc(&pdev->dev, sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;
	dev->pci_dev = pdev;
	pci_set_drvdata(pdev, dev);
	return nvx_dev_map(dev);
}

static struct pci_driver atl_driver = {
	.name = "atl",
	.probe = atl_probe,
};

static struct pci_driver nvx_driver = {
	.name = "nvx",
	.probe = nvx_probe,
};
