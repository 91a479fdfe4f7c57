/* addr-va-on-non-lowmem: a file helper returns the window's physical base; its caller uses __va(). */
#include <linux/platform_device.h>

struct win_dev {
	struct platform_device *pdev;
	void *win;
};

static phys_addr_t win_base(struct platform_device *pdev)
{
	struct resource *r = platform_get_resource(pdev, IORESOURCE_MEM, 0);

	if (!r)
		return 0;
	return r->start;
}

static int win_setup(struct win_dev *wd)
{
	phys_addr_t pa = win_base(wd->pdev);

	if (!pa)
		return -ENODEV;
	wd->win = __va(pa);		/* expect-warning addr-va-on-non-lowmem */
	return 0;
}
