/* addr-va-on-non-lowmem: per-channel register blocks reached by phys_to_virt(res->start + off). */
#include <linux/platform_device.h>

#define CH_STRIDE	0x40
#define NR_CH		4

struct mux_ch {
	void *base;
};

struct mux_priv {
	struct mux_ch ch[NR_CH];
};

static int mux_setup_channels(struct platform_device *pdev, struct mux_priv *mp)
{
	struct resource *res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	int i;

	if (!res)
		return -ENODEV;
	for (i = 0; i < NR_CH; i++)
		mp->ch[i].base = phys_to_virt(res->start + i * CH_STRIDE);	/* expect-warning addr-va-on-non-lowmem */
	return 0;
}
