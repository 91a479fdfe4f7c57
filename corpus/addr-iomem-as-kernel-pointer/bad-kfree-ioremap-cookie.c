/* addr-iomem-as-kernel-pointer: the error path and the teardown of a watchdog driver release the ioremap() cookie with kfree() instead of iounmap(). */
#include <linux/platform_device.h>
#include <linux/watchdog.h>
#include <linux/slab.h>
#include <linux/io.h>

#define WDT_CTRL	0x00
#define WDT_CTRL_EN	BIT(0)

struct sbwdt {
	struct watchdog_device wdd;
	void __iomem *mmio;
	int irq;
};

static int sbwdt_setup(struct sbwdt *wd, struct resource *res)
{
	void __iomem *mmio;

	mmio = ioremap(res->start, resource_size(res));
	if (!mmio)
		return -ENOMEM;

	if (readl(mmio + WDT_CTRL) & WDT_CTRL_EN) {
		dev_err(wd->wdd.parent, "watchdog locked by firmware\n");
		kfree(mmio);			/* expect-warning addr-iomem-as-kernel-pointer */
		return -EBUSY;
	}

	wd->mmio = mmio;
	return 0;
}

static void sbwdt_teardown(struct sbwdt *wd)
{
	writel(0, wd->mmio + WDT_CTRL);
	kfree(wd->mmio);			/* expect-warning addr-iomem-as-kernel-pointer */
	kfree(wd);
}
