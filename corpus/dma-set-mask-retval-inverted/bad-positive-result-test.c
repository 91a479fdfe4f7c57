/* dma-set-mask-retval-inverted: a capture card treats the result as a count: "> 0" is never true (0 or -EIO), and "<= 0" fails the probe when the mask was set. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <media/v4l2-device.h>

struct cap_dev {
	struct v4l2_device v4l2_dev;
	struct pci_dev *pci;
	void __iomem *lmmio;
	bool dma64;
};

static int cap_init_dma(struct cap_dev *dev)
{
	struct pci_dev *pci = dev->pci;

	if (dma_set_mask(&pci->dev, DMA_BIT_MASK(64)) > 0) {	/* expect-warning dma-set-mask-retval-inverted */
		dev->dma64 = false;
		return 0;
	}
	dev->dma64 = true;
	return 0;
}

static int cap_init_coherent(struct cap_dev *dev)
{
	if (dma_set_coherent_mask(&dev->pci->dev, DMA_BIT_MASK(32)) <= 0) {	/* expect-warning dma-set-mask-retval-inverted */
		v4l2_err(&dev->v4l2_dev, "no 32-bit coherent DMA\n");
		return -EIO;
	}
	return 0;
}

static int cap_probe(struct pci_dev *pci, const struct pci_device_id *id)
{
	struct cap_dev *dev;
	int err;

	dev = devm_kzalloc(&pci->dev, sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;
	dev->pci = pci;
	err = pcim_enable_device(pci);
	if (err)
		return err;
	err = cap_init_dma(dev);
	if (err)
		return err;
	err = cap_init_coherent(dev);
	if (err)
		return err;
	return v4l2_device_register(&pci->dev, &dev->v4l2_dev);
}

static struct pci_driver cap_driver = {
	.name = "cap",
	.probe = cap_probe,
};
