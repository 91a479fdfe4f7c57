/* dma-mask-literal-width: a video capture bridge (cx23885-style) passes the literal 0xffffffff; the value is DMA_BIT_MASK(32), but a literal hides the width and is easy to miscount (style). */
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <media/v4l2-device.h>

struct vbridge {
	struct v4l2_device v4l2_dev;
	struct pci_dev *pci;
	u32 __iomem *lmmio;
	int nr;
};

static int vbridge_initdev(struct pci_dev *pci_dev, const struct pci_device_id *pci_id)
{
	struct vbridge *dev;
	int err;

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;
	dev->pci = pci_dev;

	err = v4l2_device_register(&pci_dev->dev, &dev->v4l2_dev);
	if (err < 0)
		goto fail_free;

	if (pci_enable_device(pci_dev)) {
		err = -EIO;
		goto fail_unreg;
	}

	pci_set_master(pci_dev);
	err = dma_set_mask(&pci_dev->dev, 0xffffffff);	/* expect-warning dma-mask-literal-width */
	if (err) {
		pr_err("%s/0: Oops: no 32bit PCI DMA ???\n", dev->v4l2_dev.name);
		goto fail_disable;
	}

	dev->lmmio = ioremap(pci_resource_start(pci_dev, 0), pci_resource_len(pci_dev, 0));
	if (!dev->lmmio) {
		err = -ENOMEM;
		goto fail_disable;
	}
	return 0;

fail_disable:
	pci_disable_device(pci_dev);
fail_unreg:
	v4l2_device_unregister(&dev->v4l2_dev);
fail_free:
	kfree(dev);
	return err;
}

static struct pci_driver vbridge_pci_driver = {
	.name = "vbridge",
	.probe = vbridge_initdev,
};
