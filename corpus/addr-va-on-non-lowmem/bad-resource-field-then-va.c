/* addr-va-on-non-lowmem: the resource start is stored in probe and converted in another function. */
#include <linux/io.h>
#include <linux/platform_device.h>

struct sram_ctl {
	phys_addr_t pool_phys;
	size_t pool_size;
	void *pool;
};

static int sram_ctl_attach(struct sram_ctl *sc)
{
	sc->pool = phys_to_virt(sc->pool_phys);		/* expect-warning addr-va-on-non-lowmem */
	return sc->pool ? 0 : -ENOMEM;
}

static int sram_ctl_probe(struct platform_device *pdev)
{
	struct sram_ctl *sc;
	struct resource *res;

	sc = devm_kzalloc(&pdev->dev, sizeof(*sc), GFP_KERNEL);
	if (!sc)
		return -ENOMEM;
	res = platform_get_resource(pdev, IORESOURCE_MEM, 1);
	if (!res)
		return -EINVAL;
	sc->pool_phys = res->start;
	sc->pool_size = resource_size(res);
	return sram_ctl_attach(sc);
}
