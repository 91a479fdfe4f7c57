/* dma-set-mask-retval-inverted: an NVMe-style probe treats the 0 (success) result of dma_set_mask_and_coherent() as failure and bails out with -EIO exactly when the 64-bit mask was accepted. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>

struct xnvme_dev {
	struct pci_dev *pdev;
	void __iomem *bar;
	u32 db_stride;
};

static int xnvme_pci_enable(struct xnvme_dev *dev)
{
	struct pci_dev *pdev = dev->pdev;
	int result;

	result = pci_enable_device_mem(pdev);
	if (result)
		return result;

	pci_set_master(pdev);

	if (!dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64))) {	/* expect-warning dma-set-mask-retval-inverted */
		dev_err(&pdev->dev, "no usable DMA configuration\n");
		pci_disable_device(pdev);
		return -EIO;
	}

	dev->db_stride = 1 << ((readl(dev->bar) >> 4) & 0xf);
	return 0;
}

static int xnvme_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct xnvme_dev *dev;

	dev = devm_kzalloc(&pdev->dev, sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;
	dev->pdev = pdev;
	dev->bar = pcim_iomap(pdev, 0, 0);
	if (!dev->bar)
		return -ENOMEM;
	pci_set_drvdata(pdev, dev);
	return xnvme_pci_enable(dev);
}

static struct pci_driver xnvme_driver = {
	.name = "xnvme",
	.probe = xnvme_probe,
};
