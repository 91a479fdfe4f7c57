/* The MMIO resource is mapped with devm_ioremap_resource(). */
#include <linux/io.h>
#include <linux/platform_device.h>

struct tmr_priv {
	void __iomem *regs;
};

static int tmr_probe(struct platform_device *pdev)
{
	struct tmr_priv *priv;
	struct resource *res;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	priv->regs = devm_ioremap_resource(&pdev->dev, res);
	if (IS_ERR(priv->regs))
		return PTR_ERR(priv->regs);
	writel(0, priv->regs + 0x10);
	return 0;
}
