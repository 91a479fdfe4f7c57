// SPDX-License-Identifier: GPL-2.0
/*
 * edu_pci.c - example driver for QEMU's "edu" teaching device (1234:11e8):
 * a factorial unit and a DMA engine that copies between host memory and a
 * 4 KiB buffer on the device at EDU_DEV_BUF.
 *
 * Part of the dmacheck examples: this file contains a deliberate
 * streaming-DMA bug, marked with a BUG: comment. See examples/README.md.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/completion.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define EDU_VENDOR_ID		0x1234
#define EDU_DEVICE_ID		0x11e8
#define EDU_REG_ID		0x00
#define EDU_REG_FACT		0x08
#define EDU_REG_IRQ_STATUS	0x24
#define EDU_REG_IRQ_ACK		0x64
#define EDU_REG_DMA_SRC		0x80
#define EDU_REG_DMA_DST		0x88
#define EDU_REG_DMA_CNT		0x90
#define EDU_REG_DMA_CMD		0x98
#define EDU_DMA_START		0x1
#define EDU_DMA_TO_HOST		0x2
#define EDU_DMA_IRQ		0x4
#define EDU_DEV_BUF		0x40000
#define EDU_DEV_BUF_SIZE	4096
#define EDU_IRQ_DMA		0x100

struct edu_dev {
	struct pci_dev *pdev;
	void __iomem *bar;
	struct completion dma_done;
	struct mutex lock;
};

static irqreturn_t edu_irq(int irq, void *data)
{
	struct edu_dev *edu = data;
	u32 status = readl(edu->bar + EDU_REG_IRQ_STATUS);

	if (!status)
		return IRQ_NONE;
	writel(status, edu->bar + EDU_REG_IRQ_ACK);
	if (status & EDU_IRQ_DMA)
		complete(&edu->dma_done);
	return IRQ_HANDLED;
}

static int edu_run_dma(struct edu_dev *edu, u64 src, u64 dst, size_t len, u32 cmd)
{
	reinit_completion(&edu->dma_done);
	writeq(src, edu->bar + EDU_REG_DMA_SRC);
	writeq(dst, edu->bar + EDU_REG_DMA_DST);
	writeq(len, edu->bar + EDU_REG_DMA_CNT);
	writeq(cmd | EDU_DMA_START | EDU_DMA_IRQ, edu->bar + EDU_REG_DMA_CMD);
	if (!wait_for_completion_timeout(&edu->dma_done, msecs_to_jiffies(500)))
		return -ETIMEDOUT;
	return 0;
}

/* Copy len bytes from buf to the device buffer. */
static int edu_write_dev(struct edu_dev *edu, const void *buf, size_t len)
{
	struct device *dev = &edu->pdev->dev;
	dma_addr_t dma;
	int ret;

	if (len > EDU_DEV_BUF_SIZE)
		return -EINVAL;

	dma = dma_map_single(dev, (void *)buf, len, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, dma))
		return -ENOMEM;

	mutex_lock(&edu->lock);
	ret = edu_run_dma(edu, dma, EDU_DEV_BUF, len, 0);
	mutex_unlock(&edu->lock);

	dma_unmap_single(dev, dma, len, DMA_TO_DEVICE);
	return ret;
}

/*
 * Read the whole device buffer into buf (EDU_DEV_BUF_SIZE bytes); the engine
 * copies only the valid part, whose length the device reports.
 */
static int edu_read_dev(struct edu_dev *edu, void *buf, size_t *valid)
{
	struct device *dev = &edu->pdev->dev;
	dma_addr_t dma;
	size_t len;
	int ret;

	dma = dma_map_single(dev, buf, EDU_DEV_BUF_SIZE, DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, dma))
		return -ENOMEM;

	mutex_lock(&edu->lock);
	len = readl(edu->bar + EDU_REG_FACT) & (EDU_DEV_BUF_SIZE - 1);
	ret = edu_run_dma(edu, EDU_DEV_BUF, dma, len, EDU_DMA_TO_HOST);
	mutex_unlock(&edu->lock);

	/* BUG: mapped with EDU_DEV_BUF_SIZE, unmapped with the number of bytes copied */
	dma_unmap_single(dev, dma, len, DMA_FROM_DEVICE);
	*valid = len;
	return ret;
}

static int edu_selftest(struct edu_dev *edu)
{
	size_t valid = 0;
	u8 *out, *in;
	int ret;

	out = kmalloc(EDU_DEV_BUF_SIZE, GFP_KERNEL);
	in = kzalloc(EDU_DEV_BUF_SIZE, GFP_KERNEL);
	if (!out || !in) {
		ret = -ENOMEM;
		goto out_free;
	}
	memset(out, 0xa5, EDU_DEV_BUF_SIZE);

	ret = edu_write_dev(edu, out, EDU_DEV_BUF_SIZE);
	if (ret)
		goto out_free;
	ret = edu_read_dev(edu, in, &valid);
	if (ret)
		goto out_free;
	if (memcmp(out, in, valid))
		ret = -EIO;

out_free:
	kfree(in);
	kfree(out);
	return ret;
}

static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct edu_dev *edu;
	int ret;

	edu = devm_kzalloc(&pdev->dev, sizeof(*edu), GFP_KERNEL);
	if (!edu)
		return -ENOMEM;
	edu->pdev = pdev;
	init_completion(&edu->dma_done);
	mutex_init(&edu->lock);

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ret = pcim_iomap_regions(pdev, BIT(0), "edu");
	if (ret)
		return ret;
	edu->bar = pcim_iomap_table(pdev)[0];
	pci_set_master(pdev);

	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(28));
	if (ret)
		return ret;

	ret = devm_request_irq(&pdev->dev, pdev->irq, edu_irq, IRQF_SHARED, "edu", edu);
	if (ret)
		return ret;

	pci_set_drvdata(pdev, edu);
	dev_info(&pdev->dev, "edu id %08x\n", readl(edu->bar + EDU_REG_ID));
	return edu_selftest(edu);
}

static const struct pci_device_id edu_ids[] = {
	{ PCI_DEVICE(EDU_VENDOR_ID, EDU_DEVICE_ID) },
	{ }
};
MODULE_DEVICE_TABLE(pci, edu_ids);

static struct pci_driver edu_driver = {
	.name = "edu",
	.id_table = edu_ids,
	.probe = edu_probe,
};
module_pci_driver(edu_driver);
MODULE_LICENSE("GPL");
