/* addr-va-on-non-lowmem: a platform driver turns its MMIO resource into a pointer with phys_to_virt(). */
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>

struct tmr_priv {
	void *regs;
	struct device *dev;
};

static int tmr_probe(struct platform_device *pdev)
{
	struct tmr_priv *priv;
	struct resource *res;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;

	priv->regs = phys_to_virt(res->start);	/* expect-warning addr-va-on-non-lowmem */
	priv->dev = &pdev->dev;
	platform_set_drvdata(pdev, priv);
	return 0;
}
