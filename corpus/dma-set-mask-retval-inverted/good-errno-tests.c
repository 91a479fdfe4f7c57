/* dma-set-mask-retval-inverted: the usual tests of the 0-or-errno result: "if (ret < 0)", unlikely(), dev_err_probe() on the failure edge, and a bool named for failure. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/clk.h>

struct qspi {
	struct device *dev;
	void __iomem *base;
	struct clk *clk;
	bool no_dma;
};

static int qspi_setup_dma(struct qspi *q)
{
	int ret;

	ret = dma_set_mask(q->dev, DMA_BIT_MASK(40));
	if (ret < 0)
		return dev_err_probe(q->dev, ret, "cannot set the streaming DMA mask\n");

	if (unlikely(dma_set_coherent_mask(q->dev, DMA_BIT_MASK(32)))) {
		dev_err(q->dev, "cannot set the coherent DMA mask\n");
		return -EIO;
	}
	return 0;
}

static int qspi_probe(struct platform_device *pdev)
{
	struct qspi *q;
	bool failed;
	int ret;

	q = devm_kzalloc(&pdev->dev, sizeof(*q), GFP_KERNEL);
	if (!q)
		return -ENOMEM;
	q->dev = &pdev->dev;
	q->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(q->base))
		return PTR_ERR(q->base);
	q->clk = devm_clk_get_enabled(&pdev->dev, NULL);
	if (IS_ERR(q->clk))
		return PTR_ERR(q->clk);

	failed = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(48));
	if (failed) {
		q->no_dma = true;
	} else {
		ret = qspi_setup_dma(q);
		if (ret)
			return ret;
	}
	platform_set_drvdata(pdev, q);
	return 0;
}

static struct platform_driver qspi_driver = {
	.probe = qspi_probe,
	.driver = { .name = "qspi" },
};
