// SPDX-License-Identifier: GPL-2.0
/*
 * bar_xdma.c - example scatter-gather DMA engine: a client hands in a
 * scatterlist, the driver maps it, builds a hardware descriptor chain, waits
 * for the completion interrupt and unmaps it.
 *
 * Part of the dmacheck examples: this file contains deliberate streaming-DMA
 * bugs, each marked with a BUG: comment. See examples/README.md.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/completion.h>
#include <linux/io.h>

#define XDMA_MAX_DESC		64
#define XDMA_REG_DESC_LO	0x00
#define XDMA_REG_DESC_HI	0x04
#define XDMA_REG_CTRL		0x08
#define XDMA_REG_STATUS		0x0c
#define XDMA_CTRL_RUN		BIT(0)
#define XDMA_CTRL_TO_DEV	BIT(1)
#define XDMA_STATUS_DONE	BIT(0)
#define XDMA_DESC_LAST		BIT(31)
#define XDMA_CMD_MAGIC		0x584d4441

struct xdma_hw_desc {
	__le64 addr;
	__le32 len;
	__le32 ctrl;
};

struct xdma_cmd {
	__le32 magic;
	__le32 opcode;
	__le64 arg;
};

struct bar_xdma {
	struct device *dev;
	void __iomem *regs;
	struct xdma_hw_desc *desc;	/* coherent */
	dma_addr_t desc_dma;
	struct completion done;
	struct mutex lock;
};

static void xdma_write_chain(struct bar_xdma *xd, struct scatterlist *sgl, int count)
{
	struct scatterlist *sg;
	int i;

	for_each_sg(sgl, sg, count, i) {
		xd->desc[i].addr = cpu_to_le64(sg_dma_address(sg));
		xd->desc[i].len = cpu_to_le32(sg_dma_len(sg));
		xd->desc[i].ctrl = cpu_to_le32(i == count - 1 ? XDMA_DESC_LAST : 0);
	}
}

/* Run one transfer over a client scatterlist and wait for it. */
static int bar_xdma_transfer_sg(struct bar_xdma *xd, struct scatterlist *sgl,
				unsigned int nents, enum dma_data_direction dir)
{
	int n, ret = 0;

	if (nents > XDMA_MAX_DESC)
		return -EINVAL;

	mutex_lock(&xd->lock);
	n = dma_map_sg(xd->dev, sgl, nents, dir);
	if (!n) {
		mutex_unlock(&xd->lock);
		return -ENOMEM;
	}

	xdma_write_chain(xd, sgl, n);
	reinit_completion(&xd->done);
	writel(lower_32_bits(xd->desc_dma), xd->regs + XDMA_REG_DESC_LO);
	writel(upper_32_bits(xd->desc_dma), xd->regs + XDMA_REG_DESC_HI);
	writel(XDMA_CTRL_RUN | (dir == DMA_TO_DEVICE ? XDMA_CTRL_TO_DEV : 0),
	       xd->regs + XDMA_REG_CTRL);

	if (!wait_for_completion_timeout(&xd->done, msecs_to_jiffies(1000))) {
		writel(0, xd->regs + XDMA_REG_CTRL);
		ret = -ETIMEDOUT;
	}

	/* BUG: dma_unmap_sg() takes the nents passed to dma_map_sg(), not the mapped count */
	dma_unmap_sg(xd->dev, sgl, n, dir);
	mutex_unlock(&xd->lock);
	return ret;
}

static irqreturn_t bar_xdma_irq(int irq, void *data)
{
	struct bar_xdma *xd = data;
	u32 status;

	status = readl(xd->regs + XDMA_REG_STATUS);
	if (!(status & XDMA_STATUS_DONE))
		return IRQ_NONE;
	writel(status, xd->regs + XDMA_REG_STATUS);
	complete(&xd->done);
	return IRQ_HANDLED;
}

/* Send a small command block to the engine's command processor. */
static int bar_xdma_send_cmd(struct bar_xdma *xd, u32 opcode, u64 arg)
{
	struct xdma_cmd *cmd;
	dma_addr_t cmd_dma;
	u32 status;
	int ret;

	cmd = kzalloc(sizeof(*cmd), GFP_KERNEL);
	if (!cmd)
		return -ENOMEM;
	cmd->magic = cpu_to_le32(XDMA_CMD_MAGIC);
	cmd->arg = cpu_to_le64(arg);

	cmd_dma = dma_map_single(xd->dev, cmd, sizeof(*cmd), DMA_TO_DEVICE);
	if (dma_mapping_error(xd->dev, cmd_dma)) {
		kfree(cmd);
		return -ENOMEM;
	}
	/* BUG: the CPU fills the command after it was handed to the device */
	cmd->opcode = cpu_to_le32(opcode);

	xd->desc[0].addr = cpu_to_le64(cmd_dma);
	xd->desc[0].len = cpu_to_le32(sizeof(*cmd));
	xd->desc[0].ctrl = cpu_to_le32(XDMA_DESC_LAST);
	writel(lower_32_bits(xd->desc_dma), xd->regs + XDMA_REG_DESC_LO);
	writel(upper_32_bits(xd->desc_dma), xd->regs + XDMA_REG_DESC_HI);
	writel(XDMA_CTRL_RUN | XDMA_CTRL_TO_DEV, xd->regs + XDMA_REG_CTRL);

	ret = readl_poll_timeout(xd->regs + XDMA_REG_STATUS, status,
				 status & XDMA_STATUS_DONE, 10, 100000);

	dma_unmap_single(xd->dev, cmd_dma, sizeof(*cmd), DMA_TO_DEVICE);
	kfree(cmd);
	return ret;
}

static int bar_xdma_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct bar_xdma *xd;
	int irq, ret;

	xd = devm_kzalloc(dev, sizeof(*xd), GFP_KERNEL);
	if (!xd)
		return -ENOMEM;
	xd->dev = dev;
	mutex_init(&xd->lock);
	init_completion(&xd->done);

	xd->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(xd->regs))
		return PTR_ERR(xd->regs);

	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(64));
	if (ret)
		return ret;

	xd->desc = dmam_alloc_coherent(dev, XDMA_MAX_DESC * sizeof(*xd->desc),
				       &xd->desc_dma, GFP_KERNEL);
	if (!xd->desc)
		return -ENOMEM;

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = devm_request_irq(dev, irq, bar_xdma_irq, 0, dev_name(dev), xd);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, xd);
	return bar_xdma_send_cmd(xd, 1, 0);
}

/* Exported to the client driver on the same board. */
int bar_xdma_read(struct bar_xdma *xd, struct sg_table *sgt)
{
	return bar_xdma_transfer_sg(xd, sgt->sgl, sgt->orig_nents, DMA_FROM_DEVICE);
}

static const struct of_device_id bar_xdma_of_match[] = {
	{ .compatible = "example,bar-xdma" },
	{ }
};
MODULE_DEVICE_TABLE(of, bar_xdma_of_match);

static struct platform_driver bar_xdma_driver = {
	.probe = bar_xdma_probe,
	.driver = {
		.name = "bar-xdma",
		.of_match_table = bar_xdma_of_match,
	},
};
module_platform_driver(bar_xdma_driver);
MODULE_LICENSE("GPL");
