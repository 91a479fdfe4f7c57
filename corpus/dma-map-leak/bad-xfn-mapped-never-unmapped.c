/* dma-map-leak: a single-instance driver maps its firmware command block on every send, and nothing in the driver ever unmaps it. */
#include <linux/dma-mapping.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct fwc_cmd {
	u8 op;
	u8 len;
	u8 data[62];
};

struct fwc_state {
	struct device *dev;
	void __iomem *regs;
	struct fwc_cmd *cmd;
	dma_addr_t cmd_dma;
};

static struct fwc_state fwc;

static int fwc_send(u8 op)
{
	fwc.cmd->op = op;
	fwc.cmd_dma = dma_map_single(fwc.dev, fwc.cmd, sizeof(*fwc.cmd), DMA_TO_DEVICE); /* expect-warning dma-map-leak */
	if (dma_mapping_error(fwc.dev, fwc.cmd_dma))
		return -ENOMEM;
	writel(lower_32_bits(fwc.cmd_dma), fwc.regs + 0x10);
	writel(upper_32_bits(fwc.cmd_dma), fwc.regs + 0x14);
	writel(1, fwc.regs + 0x18);
	return 0;
}

static int fwc_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	fwc.dev = &pdev->dev;
	fwc.regs = pcim_iomap(pdev, 0, 0);
	if (!fwc.regs)
		return -ENOMEM;
	fwc.cmd = devm_kzalloc(&pdev->dev, sizeof(*fwc.cmd), GFP_KERNEL);
	if (!fwc.cmd)
		return -ENOMEM;
	return fwc_send(1);
}

static void fwc_remove(struct pci_dev *pdev)
{
	writel(0, fwc.regs + 0x18);
}

static const struct pci_device_id fwc_ids[] = {
	{ PCI_DEVICE(0x1af4, 0x10f0) },
	{ }
};

static struct pci_driver fwc_driver = {
	.name = "fwc",
	.id_table = fwc_ids,
	.probe = fwc_probe,
	.remove = fwc_remove,
};
module_pci_driver(fwc_driver);
