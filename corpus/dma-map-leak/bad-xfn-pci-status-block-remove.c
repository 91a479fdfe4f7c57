/* dma-map-leak across functions: a PCI driver's probe() maps a command and a status block; the shared teardown helper unmaps both on probe's error path, but remove() only unmaps the command block. */
#include <linux/dma-mapping.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

#define MVX_BAR			0
#define MVX_REG_CMD_ADDR	0x40
#define MVX_REG_STS_ADDR	0x48
#define MVX_REG_RESET		0x08

struct mvx_cmd {
	__le32 opcode;
	__le32 tag;
	__le64 args[6];
};

struct mvx_status {
	__le32 state;
	__le32 last_tag;
	__le32 errors;
	__le32 rsvd;
};

struct mvx_adapter {
	struct pci_dev *pdev;
	void __iomem *hw;
	struct mvx_cmd *cmd;
	struct mvx_status *sts;
	dma_addr_t cmd_dma;
	dma_addr_t sts_dma;
};

static int mvx_map_blocks(struct mvx_adapter *ad)
{
	struct device *dev = &ad->pdev->dev;

	ad->cmd_dma = dma_map_single(dev, ad->cmd, sizeof(struct mvx_cmd), DMA_TO_DEVICE);
	if (dma_mapping_error(dev, ad->cmd_dma))
		return -ENOMEM;
	ad->sts_dma = dma_map_single(dev, ad->sts, sizeof(struct mvx_status), DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, ad->sts_dma)) {
		dma_unmap_single(dev, ad->cmd_dma, sizeof(struct mvx_cmd), DMA_TO_DEVICE);
		return -ENOMEM;
	}
	return 0;
}

static void mvx_unmap_blocks(struct mvx_adapter *ad)
{
	struct device *dev = &ad->pdev->dev;

	dma_unmap_single(dev, ad->sts_dma, sizeof(struct mvx_status), DMA_FROM_DEVICE);
	dma_unmap_single(dev, ad->cmd_dma, sizeof(struct mvx_cmd), DMA_TO_DEVICE);
}

static int mvx_hw_init(struct mvx_adapter *ad)
{
	writel(1, ad->hw + MVX_REG_RESET);
	if (readl(ad->hw + MVX_REG_RESET))
		return -ETIMEDOUT;
	lo_hi_writeq(ad->cmd_dma, ad->hw + MVX_REG_CMD_ADDR);
	lo_hi_writeq(ad->sts_dma, ad->hw + MVX_REG_STS_ADDR);
	return 0;
}

static int mvx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct mvx_adapter *ad;
	int err;

	ad = devm_kzalloc(&pdev->dev, sizeof(*ad), GFP_KERNEL);
	if (!ad)
		return -ENOMEM;
	ad->pdev = pdev;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	err = pcim_iomap_regions(pdev, BIT(MVX_BAR), "mvx");
	if (err)
		return err;
	ad->hw = pcim_iomap_table(pdev)[MVX_BAR];
	pci_set_master(pdev);

	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (err)
		return err;

	ad->cmd = devm_kzalloc(&pdev->dev, sizeof(*ad->cmd), GFP_KERNEL);
	ad->sts = devm_kzalloc(&pdev->dev, sizeof(*ad->sts), GFP_KERNEL);
	if (!ad->cmd || !ad->sts)
		return -ENOMEM;

	err = mvx_map_blocks(ad);
	if (err)
		return err;

	err = mvx_hw_init(ad);
	if (err)
		goto err_unmap;

	pci_set_drvdata(pdev, ad);
	return 0;

err_unmap:
	mvx_unmap_blocks(ad);
	return err;
}

static void mvx_remove(struct pci_dev *pdev)
{
	struct mvx_adapter *ad = pci_get_drvdata(pdev);

	writel(1, ad->hw + MVX_REG_RESET);
	/* the status block stays mapped */
	dma_unmap_single(&pdev->dev, ad->cmd_dma, sizeof(struct mvx_cmd), DMA_TO_DEVICE);
	pci_clear_master(pdev);
} /* expect-warning dma-map-leak */

static const struct pci_device_id mvx_pci_tbl[] = {
	{ PCI_DEVICE(0x1b4b, 0x9480) },
	{ }
};
MODULE_DEVICE_TABLE(pci, mvx_pci_tbl);

static struct pci_driver mvx_driver = {
	.name = "mvx",
	.id_table = mvx_pci_tbl,
	.probe = mvx_probe,
	.remove = mvx_remove,
};
module_pci_driver(mvx_driver);
MODULE_LICENSE("GPL");
