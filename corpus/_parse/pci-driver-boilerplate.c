/* _parse: PCI driver boilerplate (designated initialisers, module macros, __init/__exit, EXPORT_SYMBOL_GPL); no findings. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>

#define DRV_NAME	"pbx"
#define PBX_BAR		0

struct pbx_priv {
	struct pci_dev *pdev;
	void __iomem *hw_addr;
	spinlock_t lock ____cacheline_aligned;
	u32 msg_enable;
};

static const struct pci_device_id pbx_pci_tbl[] = {
	{ PCI_DEVICE(0x1d0f, 0xec20), .driver_data = 0 },
	{ PCI_VDEVICE(INTEL, 0x1533), 1 },
	{ 0, }
};
MODULE_DEVICE_TABLE(pci, pbx_pci_tbl);

static int __maybe_unused pbx_debug_level;

int __must_check pbx_reset_hw(struct pbx_priv *priv)
{
	writel(1, priv->hw_addr + 0x10);
	return readl(priv->hw_addr + 0x10) & BIT(0) ? -EBUSY : 0;
}
EXPORT_SYMBOL_GPL(pbx_reset_hw);

static int pbx_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct pbx_priv *priv;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;

	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (err)
		return dev_err_probe(&pdev->dev, err, "no usable DMA configuration\n");

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->pdev = pdev;
	priv->hw_addr = pcim_iomap(pdev, PBX_BAR, 0);
	if (!priv->hw_addr)
		return -ENOMEM;

	pci_set_master(pdev);
	pci_set_drvdata(pdev, priv);
	return pbx_reset_hw(priv);
}

static void pbx_remove(struct pci_dev *pdev)
{
	struct pbx_priv *priv = pci_get_drvdata(pdev);

	writel(0, priv->hw_addr + 0x10);
}

static SIMPLE_DEV_PM_OPS(pbx_pm_ops, NULL, NULL);

static struct pci_driver pbx_driver = {
	.name		= DRV_NAME,
	.id_table	= pbx_pci_tbl,
	.probe		= pbx_probe,
	.remove		= pbx_remove,
	.driver.pm	= &pbx_pm_ops,
};
module_pci_driver(pbx_driver);

MODULE_AUTHOR("Example Author <author@example.org>");
MODULE_DESCRIPTION("PBX example adapter");
MODULE_LICENSE("GPL");
