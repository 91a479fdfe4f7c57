/* dma-unmap-args-mismatch (cross-function): probe maps the firmware image DMA_TO_DEVICE for the boot ROM to fetch and keeps it mapped; remove() unmaps it DMA_BIDIRECTIONAL. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/firmware.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define QDX_FW_NAME		"qdx/boot.bin"
#define QDX_REG_FW_ADDR_LO	0x40
#define QDX_REG_FW_ADDR_HI	0x44
#define QDX_REG_FW_LEN		0x48
#define QDX_REG_CTRL		0x00
#define QDX_CTRL_BOOT		BIT(0)

struct qdx_dev {
	struct pci_dev *pdev;
	void __iomem *bar;
	void *fw_copy;
	size_t fw_len;
	dma_addr_t fw_dma;
};

static int qdx_load_firmware(struct qdx_dev *qd)
{
	const struct firmware *fw;
	int ret;

	ret = request_firmware(&fw, QDX_FW_NAME, &qd->pdev->dev);
	if (ret)
		return ret;
	qd->fw_copy = kmemdup(fw->data, fw->size, GFP_KERNEL);
	qd->fw_len = fw->size;
	release_firmware(fw);
	if (!qd->fw_copy)
		return -ENOMEM;

	qd->fw_dma = dma_map_single(&qd->pdev->dev, qd->fw_copy, qd->fw_len, DMA_TO_DEVICE);
	if (dma_mapping_error(&qd->pdev->dev, qd->fw_dma)) {
		kfree(qd->fw_copy);
		return -ENOMEM;
	}
	writel(lower_32_bits(qd->fw_dma), qd->bar + QDX_REG_FW_ADDR_LO);
	writel(upper_32_bits(qd->fw_dma), qd->bar + QDX_REG_FW_ADDR_HI);
	writel(qd->fw_len, qd->bar + QDX_REG_FW_LEN);
	writel(QDX_CTRL_BOOT, qd->bar + QDX_REG_CTRL);
	return 0;
}

static void qdx_unload_firmware(struct qdx_dev *qd)
{
	dma_unmap_single(&qd->pdev->dev, qd->fw_dma, qd->fw_len, DMA_BIDIRECTIONAL); /* expect-warning dma-unmap-args-mismatch */
	kfree(qd->fw_copy);
}

static int qdx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct qdx_dev *qd;
	int ret;

	qd = devm_kzalloc(&pdev->dev, sizeof(*qd), GFP_KERNEL);
	if (!qd)
		return -ENOMEM;
	qd->pdev = pdev;
	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (ret)
		return ret;
	qd->bar = pcim_iomap(pdev, 0, 0);
	if (!qd->bar)
		return -ENOMEM;
	pci_set_master(pdev);
	ret = qdx_load_firmware(qd);
	if (ret)
		return ret;
	pci_set_drvdata(pdev, qd);
	return 0;
}

static void qdx_remove(struct pci_dev *pdev)
{
	struct qdx_dev *qd = pci_get_drvdata(pdev);

	writel(0, qd->bar + QDX_REG_CTRL);
	qdx_unload_firmware(qd);
}

static const struct pci_device_id qdx_ids[] = {
	{ PCI_DEVICE(0x1e2d, 0x0101) },
	{ }
};
MODULE_DEVICE_TABLE(pci, qdx_ids);

static struct pci_driver qdx_driver = {
	.name = "qdx",
	.id_table = qdx_ids,
	.probe = qdx_probe,
	.remove = qdx_remove,
};
module_pci_driver(qdx_driver);
MODULE_LICENSE("GPL");
