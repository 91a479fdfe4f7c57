/* ioremap() of the resource start is the right conversion for registers. */
#include <linux/io.h>
#include <linux/platform_device.h>

struct mux_priv {
	void __iomem *base;
	phys_addr_t phys;
};

static int mux_probe(struct platform_device *pdev)
{
	struct mux_priv *mp;
	struct resource *res = platform_get_resource(pdev, IORESOURCE_MEM, 0);

	if (!res)
		return -ENODEV;
	mp = devm_kzalloc(&pdev->dev, sizeof(*mp), GFP_KERNEL);
	if (!mp)
		return -ENOMEM;
	mp->phys = res->start;
	mp->base = ioremap(mp->phys, resource_size(res));
	if (!mp->base)
		return -ENOMEM;
	return 0;
}
