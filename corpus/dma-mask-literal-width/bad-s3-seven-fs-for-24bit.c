/* dma-mask-literal-width: the S3 book's "24-bit" example passes 0xfffffff, which has seven f's: a 28-bit mask for a 24-bit device. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>

struct xxx_dev {
	struct device *dev;
	void __iomem *base;
};

static int xxx_probe(struct platform_device *pdev)
{
	struct xxx_dev *xd;
	int ret;

	xd = devm_kzalloc(&pdev->dev, sizeof(*xd), GFP_KERNEL);
	if (!xd)
		return -ENOMEM;
	xd->dev = &pdev->dev;
	xd->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(xd->base))
		return PTR_ERR(xd->base);

	ret = dma_set_mask(&pdev->dev, 0xfffffff);	/* 24-bit DMA only */ /* expect-warning dma-mask-literal-width */
	if (ret)
		return ret;
	ret = dma_set_coherent_mask(&pdev->dev, 0xffffff);	/* expect-warning dma-mask-literal-width */
	if (ret)
		return ret;

	platform_set_drvdata(pdev, xd);
	return 0;
}

static struct platform_driver xxx_driver = {
	.probe = xxx_probe,
	.driver = { .name = "xxx" },
};
