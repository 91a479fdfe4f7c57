/* addr-iomem-as-kernel-pointer (good): a PCI probe checks the pci_iomap() cookie, hands it to helpers and a struct, and unwinds with pci_iounmap() on every error path. */
#include <linux/pci.h>
#include <linux/io.h>

#define ACC_BAR			0
#define ACC_REG_VERSION		0x00

struct acc_dev {
	struct pci_dev *pdev;
	void __iomem *regs;
	u32 version;
};

int acc_hw_reset(void __iomem *regs);
int acc_irq_setup(struct acc_dev *ad);

static int acc_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct acc_dev *ad;
	void __iomem *regs;
	int ret;

	ad = devm_kzalloc(&pdev->dev, sizeof(*ad), GFP_KERNEL);
	if (!ad)
		return -ENOMEM;

	regs = pci_iomap(pdev, ACC_BAR, 0);
	if (!regs)
		return -ENOMEM;

	ret = acc_hw_reset(regs);
	if (ret)
		goto err_unmap;

	ad->pdev = pdev;
	ad->regs = regs;
	ad->version = ioread32(regs + ACC_REG_VERSION);
	ret = acc_irq_setup(ad);
	if (ret)
		goto err_unmap;

	pci_set_drvdata(pdev, ad);
	return 0;

err_unmap:
	pci_iounmap(pdev, regs);
	return ret;
}
