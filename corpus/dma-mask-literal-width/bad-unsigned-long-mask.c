/* dma-mask-literal-width: a 40-bit mask built on unsigned long, (1UL << 40) - 1, overflows on 32-bit ARM kernels with LPAE, where long has 32 bits; ~0UL is 32 bits wide there too. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/of_device.h>

struct gpu_hw {
	struct device *dev;
	void __iomem *regs;
	bool has_mmu;
};

static int gpu_probe(struct platform_device *pdev)
{
	struct gpu_hw *gpu;
	int err;

	gpu = devm_kzalloc(&pdev->dev, sizeof(*gpu), GFP_KERNEL);
	if (!gpu)
		return -ENOMEM;
	gpu->dev = &pdev->dev;
	gpu->has_mmu = of_property_read_bool(pdev->dev.of_node, "has-mmu");
	gpu->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(gpu->regs))
		return PTR_ERR(gpu->regs);

	if (gpu->has_mmu)
		err = dma_set_mask_and_coherent(&pdev->dev, ~0UL);	/* expect-warning dma-mask-literal-width */
	else
		err = dma_set_mask_and_coherent(&pdev->dev, (1UL << 40) - 1);	/* expect-warning dma-mask-literal-width */
	if (err)
		return err;

	platform_set_drvdata(pdev, gpu);
	return 0;
}

static struct platform_driver gpu_driver = {
	.probe = gpu_probe,
	.driver = { .name = "gpu" },
};
