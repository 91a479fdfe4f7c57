/* dma-mask-not-set-or-late: devices that must not do DMA say so by clearing the mask (NULL dma_mask, a zero coherent mask that dma_mask points at); there is no API for that, so these stores are not flagged. */
#include <linux/platform_device.h>
#include <linux/spi/spi.h>
#include <linux/mfd/core.h>

struct sifive_spi {
	void __iomem *regs;
	struct spi_master *master;
};

static int sifive_spi_probe(struct platform_device *pdev)
{
	struct spi_master *master;
	struct sifive_spi *spi;

	master = devm_spi_alloc_master(&pdev->dev, sizeof(*spi));
	if (!master)
		return -ENOMEM;
	spi = spi_master_get_devdata(master);
	spi->master = master;
	spi->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(spi->regs))
		return PTR_ERR(spi->regs);

	/* the controller has no DMA engine: keep the SPI core from mapping */
	pdev->dev.dma_mask = NULL;

	platform_set_drvdata(pdev, master);
	return devm_spi_register_master(&pdev->dev, master);
}

static const struct mfd_cell pmic_cells[] = {
	{ .name = "pmic-regulator" },
	{ .name = "pmic-rtc" },
};

static int pmic_spi_probe(struct spi_device *spi)
{
	int ret;

	spi->bits_per_word = 16;
	ret = spi_setup(spi);
	if (ret)
		return ret;

	/* Parent SPI controller uses DMA, the PMIC and its children do not */
	spi->dev.coherent_dma_mask = 0;
	spi->dev.dma_mask = &spi->dev.coherent_dma_mask;

	return devm_mfd_add_devices(&spi->dev, 0, pmic_cells, ARRAY_SIZE(pmic_cells), NULL, 0, NULL);
}

static struct platform_driver sifive_spi_driver = {
	.probe = sifive_spi_probe,
	.driver = { .name = "sifive-spi" },
};

static struct spi_driver pmic_spi_driver = {
	.probe = pmic_spi_probe,
	.driver = { .name = "pmic-spi" },
};
