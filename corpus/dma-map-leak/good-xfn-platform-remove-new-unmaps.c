/* dma-map-leak (good, cross-function): probe() maps a command block and a status page through a helper; remove_new() tears both down through the helper that probe's error ladder also uses. */
#include <linux/clk.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define HSE_REG_CMDQ	0x100
#define HSE_REG_STATUS	0x108
#define HSE_REG_ENABLE	0x000

struct hse_cmd {
	__le32 op;
	__le32 key_slot;
	__le64 in_addr;
	__le64 out_addr;
	__le32 len;
	__le32 rsvd;
};

struct hse_ctx {
	struct device *dev;
	void __iomem *regs;
	struct clk *clk;
	struct hse_cmd *cmd;
	dma_addr_t cmd_dma;
	struct page *status_page;
	dma_addr_t status_dma;
};

static int hse_dma_setup(struct hse_ctx *hse)
{
	hse->cmd_dma = dma_map_single(hse->dev, hse->cmd, sizeof(struct hse_cmd), DMA_TO_DEVICE);
	if (dma_mapping_error(hse->dev, hse->cmd_dma))
		return -ENOMEM;

	hse->status_dma = dma_map_page(hse->dev, hse->status_page, 0, PAGE_SIZE, DMA_FROM_DEVICE);
	if (dma_mapping_error(hse->dev, hse->status_dma)) {
		dma_unmap_single(hse->dev, hse->cmd_dma, sizeof(struct hse_cmd), DMA_TO_DEVICE);
		return -ENOMEM;
	}
	return 0;
}

static void hse_dma_teardown(struct hse_ctx *hse)
{
	dma_unmap_page(hse->dev, hse->status_dma, PAGE_SIZE, DMA_FROM_DEVICE);
	dma_unmap_single(hse->dev, hse->cmd_dma, sizeof(struct hse_cmd), DMA_TO_DEVICE);
}

static int hse_probe(struct platform_device *pdev)
{
	struct hse_ctx *hse;
	int ret;

	hse = devm_kzalloc(&pdev->dev, sizeof(*hse), GFP_KERNEL);
	if (!hse)
		return -ENOMEM;
	hse->dev = &pdev->dev;

	hse->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(hse->regs))
		return PTR_ERR(hse->regs);

	hse->clk = devm_clk_get_enabled(&pdev->dev, NULL);
	if (IS_ERR(hse->clk))
		return dev_err_probe(&pdev->dev, PTR_ERR(hse->clk), "no clock\n");

	hse->cmd = devm_kzalloc(&pdev->dev, sizeof(*hse->cmd), GFP_KERNEL);
	if (!hse->cmd)
		return -ENOMEM;
	hse->status_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!hse->status_page)
		return -ENOMEM;

	ret = hse_dma_setup(hse);
	if (ret)
		goto err_page;

	writel(lower_32_bits(hse->cmd_dma), hse->regs + HSE_REG_CMDQ);
	writel(lower_32_bits(hse->status_dma), hse->regs + HSE_REG_STATUS);

	ret = of_platform_populate(pdev->dev.of_node, NULL, NULL, &pdev->dev);
	if (ret)
		goto err_dma;

	writel(1, hse->regs + HSE_REG_ENABLE);
	platform_set_drvdata(pdev, hse);
	return 0;

err_dma:
	hse_dma_teardown(hse);
err_page:
	__free_page(hse->status_page);
	return ret;
}

static void hse_remove(struct platform_device *pdev)
{
	struct hse_ctx *hse = platform_get_drvdata(pdev);

	writel(0, hse->regs + HSE_REG_ENABLE);
	of_platform_depopulate(&pdev->dev);
	hse_dma_teardown(hse);
	__free_page(hse->status_page);
}

static const struct of_device_id hse_of_match[] = {
	{ .compatible = "nxp,s32g-hse-lite" },
	{ }
};
MODULE_DEVICE_TABLE(of, hse_of_match);

static struct platform_driver hse_driver = {
	.probe = hse_probe,
	.remove_new = hse_remove,
	.driver = {
		.name = "hse-lite",
		.of_match_table = hse_of_match,
	},
};
module_platform_driver(hse_driver);
MODULE_LICENSE("GPL");
