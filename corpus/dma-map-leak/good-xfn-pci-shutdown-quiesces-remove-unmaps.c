/* dma-map-leak (good, cross-function): probe() maps the admin command and completion buffers; .shutdown only quiesces the controller (the mappings die with the machine), .remove unmaps both via the same helper as probe's error ladder. */
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

#define ARC_REG_CC	0x14
#define ARC_REG_CSTS	0x1c
#define ARC_REG_ASQ	0x28
#define ARC_REG_ACQ	0x30
#define ARC_CC_ENABLE	BIT(0)
#define ARC_CSTS_RDY	BIT(0)
#define ARC_ADMIN_DEPTH	32

struct arc_sqe {
	u8 opcode;
	u8 flags;
	__le16 cid;
	__le32 nsid;
	__le64 rsvd;
	__le64 prp1;
	__le64 prp2;
	__le32 cdw[6];
};

struct arc_cqe {
	__le32 result;
	__le32 rsvd;
	__le16 sq_head;
	__le16 sq_id;
	__le16 cid;
	__le16 status;
};

struct arc_ctrl {
	struct pci_dev *pdev;
	void __iomem *bar;
	struct arc_sqe *asq;
	struct arc_cqe *acq;
	dma_addr_t asq_dma;
	dma_addr_t acq_dma;
};

#define ARC_ASQ_BYTES	(ARC_ADMIN_DEPTH * sizeof(struct arc_sqe))
#define ARC_ACQ_BYTES	(ARC_ADMIN_DEPTH * sizeof(struct arc_cqe))

static int arc_wait_ready(struct arc_ctrl *ctrl, bool on)
{
	int tries = 100;

	while (!!(readl(ctrl->bar + ARC_REG_CSTS) & ARC_CSTS_RDY) != on) {
		if (!--tries)
			return -ETIMEDOUT;
		msleep(10);
	}
	return 0;
}

static void arc_disable(struct arc_ctrl *ctrl)
{
	writel(0, ctrl->bar + ARC_REG_CC);
	arc_wait_ready(ctrl, false);
}

static int arc_map_admin(struct arc_ctrl *ctrl)
{
	struct device *dev = &ctrl->pdev->dev;

	ctrl->asq_dma = dma_map_single(dev, ctrl->asq, ARC_ASQ_BYTES, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, ctrl->asq_dma))
		return -ENOMEM;
	ctrl->acq_dma = dma_map_single(dev, ctrl->acq, ARC_ACQ_BYTES, DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, ctrl->acq_dma)) {
		dma_unmap_single(dev, ctrl->asq_dma, ARC_ASQ_BYTES, DMA_TO_DEVICE);
		return -ENOMEM;
	}
	return 0;
}

static void arc_unmap_admin(struct arc_ctrl *ctrl)
{
	struct device *dev = &ctrl->pdev->dev;

	dma_unmap_single(dev, ctrl->acq_dma, ARC_ACQ_BYTES, DMA_FROM_DEVICE);
	dma_unmap_single(dev, ctrl->asq_dma, ARC_ASQ_BYTES, DMA_TO_DEVICE);
}

static int arc_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct arc_ctrl *ctrl;
	int ret;

	ctrl = devm_kzalloc(&pdev->dev, sizeof(*ctrl), GFP_KERNEL);
	if (!ctrl)
		return -ENOMEM;
	ctrl->pdev = pdev;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ctrl->bar = pcim_iomap(pdev, 0, 0);
	if (!ctrl->bar)
		return -ENOMEM;
	pci_set_master(pdev);
	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (ret)
		return ret;

	ctrl->asq = devm_kcalloc(&pdev->dev, ARC_ADMIN_DEPTH, sizeof(struct arc_sqe), GFP_KERNEL);
	ctrl->acq = devm_kcalloc(&pdev->dev, ARC_ADMIN_DEPTH, sizeof(struct arc_cqe), GFP_KERNEL);
	if (!ctrl->asq || !ctrl->acq)
		return -ENOMEM;

	ret = arc_map_admin(ctrl);
	if (ret)
		return ret;

	lo_hi_writeq(ctrl->asq_dma, ctrl->bar + ARC_REG_ASQ);
	lo_hi_writeq(ctrl->acq_dma, ctrl->bar + ARC_REG_ACQ);
	writel(ARC_CC_ENABLE, ctrl->bar + ARC_REG_CC);
	ret = arc_wait_ready(ctrl, true);
	if (ret)
		goto err_unmap;

	pci_set_drvdata(pdev, ctrl);
	return 0;

err_unmap:
	arc_disable(ctrl);
	arc_unmap_admin(ctrl);
	return ret;
}

static void arc_shutdown(struct pci_dev *pdev)
{
	struct arc_ctrl *ctrl = pci_get_drvdata(pdev);

	arc_disable(ctrl);
}

static void arc_remove(struct pci_dev *pdev)
{
	struct arc_ctrl *ctrl = pci_get_drvdata(pdev);

	arc_disable(ctrl);
	arc_unmap_admin(ctrl);
	pci_clear_master(pdev);
}

static const struct pci_device_id arc_ids[] = {
	{ PCI_DEVICE_CLASS(PCI_CLASS_STORAGE_EXPRESS, 0xffffff) },
	{ }
};
MODULE_DEVICE_TABLE(pci, arc_ids);

static struct pci_driver arc_driver = {
	.name = "arc-admin",
	.id_table = arc_ids,
	.probe = arc_probe,
	.shutdown = arc_shutdown,
	.remove = arc_remove,
};
module_pci_driver(arc_driver);
MODULE_LICENSE("GPL");
