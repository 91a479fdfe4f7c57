/* dma-mask-not-set-or-late: an SDHCI glue driver points its device's dma_mask at a field of its private data (freed at unbind, while the struct device lives on), and a SPI driver fills a NULL dma_mask through a local alias of &pdev->dev. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/spi/spi.h>

struct sprd_host {
	void __iomem *ioaddr;
	u64 dma_mask;
	u32 flags;
};

static int sprd_sdhc_probe(struct platform_device *pdev)
{
	struct sprd_host *host;

	host = devm_kzalloc(&pdev->dev, sizeof(*host), GFP_KERNEL);
	if (!host)
		return -ENOMEM;
	host->ioaddr = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(host->ioaddr))
		return PTR_ERR(host->ioaddr);

	host->dma_mask = DMA_BIT_MASK(64);
	pdev->dev.dma_mask = &host->dma_mask;	/* expect-warning dma-mask-not-set-or-late */

	platform_set_drvdata(pdev, host);
	return 0;
}

struct mtk_spi {
	void __iomem *base;
	struct spi_master *master;
};

static int mtk_spi_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct spi_master *master;
	struct mtk_spi *mdata;

	master = devm_spi_alloc_master(dev, sizeof(*mdata));
	if (!master)
		return -ENOMEM;
	mdata = spi_master_get_devdata(master);
	mdata->master = master;
	mdata->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(mdata->base))
		return PTR_ERR(mdata->base);

	if (!dev->dma_mask)
		dev->dma_mask = &dev->coherent_dma_mask;	/* expect-warning dma-mask-not-set-or-late */

	platform_set_drvdata(pdev, master);
	return devm_spi_register_master(dev, master);
}

static struct platform_driver sprd_sdhc_driver = {
	.probe = sprd_sdhc_probe,
	.driver = { .name = "sprd-sdhc" },
};

static struct platform_driver mtk_spi_driver = {
	.probe = mtk_spi_probe,
	.driver = { .name = "mtk-spi" },
};
