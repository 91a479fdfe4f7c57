/* dma-mask-literal-width: masks held in match data or computed from a register (DMA_BIT_MASK(bits)) are values the checker does not know, so nothing is said about them. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/of_device.h>
#include <linux/bitfield.h>

struct mmc_soc_data {
	u64 dma_mask;
	int dma_bits;
};

struct mmc_ctl {
	struct device *dev;
	void __iomem *ioaddr;
	const struct mmc_soc_data *soc;
};

#define CAPS_ADDR_WIDTH		GENMASK(7, 0)

static int mmc_ctl_probe(struct platform_device *pdev)
{
	struct mmc_ctl *c;
	u32 caps;
	int ret;

	c = devm_kzalloc(&pdev->dev, sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	c->dev = &pdev->dev;
	c->soc = of_device_get_match_data(&pdev->dev);
	if (!c->soc)
		return -EINVAL;
	c->ioaddr = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(c->ioaddr))
		return PTR_ERR(c->ioaddr);

	if (c->soc->dma_mask) {
		ret = dma_set_mask_and_coherent(&pdev->dev, c->soc->dma_mask);
	} else {
		caps = readl(c->ioaddr + 0x40);
		ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(FIELD_GET(CAPS_ADDR_WIDTH, caps)));
	}
	if (ret)
		return dev_err_probe(&pdev->dev, ret, "failed to set the DMA mask\n");

	platform_set_drvdata(pdev, c);
	return 0;
}

static struct platform_driver mmc_ctl_driver = {
	.probe = mmc_ctl_probe,
	.driver = { .name = "mmc-ctl" },
};
