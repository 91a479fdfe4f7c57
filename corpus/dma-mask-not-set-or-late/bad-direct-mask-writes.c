/* dma-mask-not-set-or-late: an MMC host probe writes its device's coherent_dma_mask and dma_mask fields itself instead of calling dma_set_mask_and_coherent() / dma_coerce_mask_and_coherent(), and a UDC probe stores through dma_mask. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/mmc/host.h>

struct owl_host {
	struct mmc_host *mmc;
	void __iomem *base;
	struct dma_chan *dma;
};

static int owl_mmc_probe(struct platform_device *pdev)
{
	struct owl_host *host;
	struct mmc_host *mmc;
	int ret;

	mmc = mmc_alloc_host(sizeof(*host), &pdev->dev);
	if (!mmc)
		return -ENOMEM;
	host = mmc_priv(mmc);
	host->mmc = mmc;
	host->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(host->base)) {
		ret = PTR_ERR(host->base);
		goto err_free_host;
	}

	pdev->dev.coherent_dma_mask = DMA_BIT_MASK(32);	/* expect-warning dma-mask-not-set-or-late */
	pdev->dev.dma_mask = &pdev->dev.coherent_dma_mask;	/* expect-warning dma-mask-not-set-or-late */
	host->dma = dma_request_chan(&pdev->dev, "mmc");
	if (IS_ERR(host->dma)) {
		ret = PTR_ERR(host->dma);
		goto err_free_host;
	}

	platform_set_drvdata(pdev, host);
	ret = mmc_add_host(mmc);
	if (ret)
		goto err_release_channel;
	return 0;

err_release_channel:
	dma_release_channel(host->dma);
err_free_host:
	mmc_free_host(mmc);
	return ret;
}

static struct platform_driver owl_mmc_driver = {
	.probe = owl_mmc_probe,
	.driver = { .name = "owl_mmc" },
};

struct gl_udc {
	void __iomem *regs;
	struct device *dev;
};

static int gl_udc_probe(struct platform_device *pdev)
{
	struct gl_udc *udc;

	udc = devm_kzalloc(&pdev->dev, sizeof(*udc), GFP_KERNEL);
	if (!udc)
		return -ENOMEM;
	udc->dev = &pdev->dev;
	udc->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(udc->regs))
		return PTR_ERR(udc->regs);
	if (pdev->dev.dma_mask)
		*pdev->dev.dma_mask = DMA_BIT_MASK(32);	/* expect-warning dma-mask-not-set-or-late */
	platform_set_drvdata(pdev, udc);
	return 0;
}

static struct platform_driver gl_udc_driver = {
	.probe = gl_udc_probe,
	.driver = { .name = "gl_udc" },
};
