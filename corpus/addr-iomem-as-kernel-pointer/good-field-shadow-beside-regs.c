/* addr-iomem-as-kernel-pointer (good): the driver struct has an __iomem field and a kmalloc'd shadow array; only the shadow is indexed directly, the registers go through readl()/writel(). */
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/io.h>

#define PINCFG_NREGS		32
#define PINCFG_REG(n)		(0x100 + 4 * (n))

struct pincfg_ops {
	void (*flush)(void *ctx);
};

struct pincfg_dev {
	struct device *dev;
	void __iomem *base;
	u32 *shadow;
	const struct pincfg_ops *ops;
	unsigned int nregs;
};

static int pincfg_suspend(struct pincfg_dev *pd)
{
	unsigned int i;

	pd->shadow = kcalloc(pd->nregs, sizeof(u32), GFP_KERNEL);
	if (!pd->shadow)
		return -ENOMEM;

	for (i = 0; i < pd->nregs; i++)
		pd->shadow[i] = readl(pd->base + PINCFG_REG(i));

	if (pd->ops->flush)
		pd->ops->flush(pd);
	return 0;
}

static void pincfg_resume(struct pincfg_dev *pd)
{
	unsigned int i;

	for (i = 0; i < pd->nregs; i++)
		writel(pd->shadow[i], pd->base + PINCFG_REG(i));
	kfree(pd->shadow);
	pd->shadow = NULL;
}
