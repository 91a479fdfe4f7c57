/* dma-set-mask-retval-inverted: the catalogue's good shape: a failed 24-bit mask means PIO (use_dma = 0), success means DMA; both masks set with one call. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>

struct ide24 {
	struct device *dev;
	void __iomem *regs;
	int use_dma;
};

static int ide24_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct ide24 *card;

	card = devm_kzalloc(dev, sizeof(*card), GFP_KERNEL);
	if (!card)
		return -ENOMEM;
	card->dev = dev;
	card->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(card->regs))
		return PTR_ERR(card->regs);

	if (dma_set_mask_and_coherent(dev, DMA_BIT_MASK(24))) {
		dev_warn(dev, "DMA not supported, using PIO\n");
		card->use_dma = 0;
	} else {
		card->use_dma = 1;
	}

	platform_set_drvdata(pdev, card);
	return 0;
}

static struct platform_driver ide24_driver = {
	.probe = ide24_probe,
	.driver = { .name = "ide24" },
};
