/* dma-set-mask-retval-inverted: an SD host controller stores the errno-style result straight into its "use_dma" flag, so DMA is switched on exactly when the 30-bit coherent mask was refused. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/mmc/host.h>

struct sdh_host {
	struct mmc_host *mmc;
	void __iomem *base;
	bool use_dma;
	int irq;
};

static int sdh_probe(struct platform_device *pdev)
{
	struct mmc_host *mmc;
	struct sdh_host *host;
	int ret;

	mmc = mmc_alloc_host(sizeof(*host), &pdev->dev);
	if (!mmc)
		return -ENOMEM;
	host = mmc_priv(mmc);
	host->mmc = mmc;

	host->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(host->base)) {
		ret = PTR_ERR(host->base);
		goto err_free;
	}
	host->irq = platform_get_irq(pdev, 0);
	if (host->irq < 0) {
		ret = host->irq;
		goto err_free;
	}

	host->use_dma = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(30));	/* expect-warning dma-set-mask-retval-inverted */
	if (!host->use_dma)
		dev_info(&pdev->dev, "using PIO\n");

	platform_set_drvdata(pdev, host);
	ret = mmc_add_host(mmc);
	if (ret)
		goto err_free;
	return 0;

err_free:
	mmc_free_host(mmc);
	return ret;
}

static struct platform_driver sdh_driver = {
	.probe = sdh_probe,
	.driver = { .name = "sdh" },
};
