/* dma-map-leak across functions: a platform driver's probe() maps its command block and unmaps it on its error ladder, but remove() never unmaps it. */
#include <linux/clk.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define QCE_REG_CMD_LO		0x20
#define QCE_REG_CMD_HI		0x24
#define QCE_REG_CTRL		0x00
#define QCE_CTRL_EN		BIT(0)

struct qce_cmd_block {
	__le32 opcode;
	__le32 flags;
	__le64 src;
	__le64 dst;
	__le32 len;
	__le32 status;
};

struct qce_dev {
	struct device *dev;
	void __iomem *base;
	struct clk *core_clk;
	int irq;
	struct qce_cmd_block *cmd;
	dma_addr_t cmd_dma;
};

static irqreturn_t qce_irq(int irq, void *data)
{
	struct qce_dev *qce = data;

	writel(0, qce->base + QCE_REG_CTRL);
	return IRQ_HANDLED;
}

static int qce_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct qce_dev *qce;
	int ret;

	qce = devm_kzalloc(dev, sizeof(*qce), GFP_KERNEL);
	if (!qce)
		return -ENOMEM;
	qce->dev = dev;

	qce->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(qce->base))
		return PTR_ERR(qce->base);

	qce->core_clk = devm_clk_get(dev, "core");
	if (IS_ERR(qce->core_clk))
		return PTR_ERR(qce->core_clk);

	qce->irq = platform_get_irq(pdev, 0);
	if (qce->irq < 0)
		return qce->irq;

	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(32));
	if (ret)
		return ret;

	qce->cmd = devm_kzalloc(dev, sizeof(*qce->cmd), GFP_KERNEL);
	if (!qce->cmd)
		return -ENOMEM;

	qce->cmd_dma = dma_map_single(dev, qce->cmd, sizeof(struct qce_cmd_block), DMA_BIDIRECTIONAL);
	if (dma_mapping_error(dev, qce->cmd_dma))
		return -ENOMEM;

	ret = clk_prepare_enable(qce->core_clk);
	if (ret)
		goto err_unmap;

	ret = devm_request_irq(dev, qce->irq, qce_irq, 0, dev_name(dev), qce);
	if (ret)
		goto err_clk;

	writel(lower_32_bits(qce->cmd_dma), qce->base + QCE_REG_CMD_LO);
	writel(upper_32_bits(qce->cmd_dma), qce->base + QCE_REG_CMD_HI);
	writel(QCE_CTRL_EN, qce->base + QCE_REG_CTRL);

	platform_set_drvdata(pdev, qce);
	return 0;

err_clk:
	clk_disable_unprepare(qce->core_clk);
err_unmap:
	dma_unmap_single(dev, qce->cmd_dma, sizeof(struct qce_cmd_block), DMA_BIDIRECTIONAL);
	return ret;
}

static int qce_remove(struct platform_device *pdev)
{
	struct qce_dev *qce = platform_get_drvdata(pdev);

	writel(0, qce->base + QCE_REG_CTRL);
	writel(0, qce->base + QCE_REG_CMD_LO);
	writel(0, qce->base + QCE_REG_CMD_HI);
	clk_disable_unprepare(qce->core_clk);
	return 0;
} /* expect-warning dma-map-leak */

static const struct of_device_id qce_of_match[] = {
	{ .compatible = "vendor,qce-lite" },
	{ }
};
MODULE_DEVICE_TABLE(of, qce_of_match);

static struct platform_driver qce_driver = {
	.probe = qce_probe,
	.remove = qce_remove,
	.driver = {
		.name = "qce-lite",
		.of_match_table = qce_of_match,
	},
};
module_platform_driver(qce_driver);
MODULE_LICENSE("GPL");
