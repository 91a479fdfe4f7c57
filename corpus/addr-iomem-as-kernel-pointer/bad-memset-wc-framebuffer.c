/* addr-iomem-as-kernel-pointer: a simple framebuffer driver clears the ioremap_wc() aperture with memset() and draws the boot logo with memcpy(). */
#include <linux/fb.h>
#include <linux/platform_device.h>
#include <linux/io.h>

struct lcdfb_par {
	struct device *dev;
	u32 pseudo_palette[16];
};

struct lcdfb_logo {
	const u8 *data;
	size_t len;
};

static int lcdfb_map_vram(struct fb_info *info, struct resource *res,
			  const struct lcdfb_logo *logo)
{
	size_t size = resource_size(res);
	void __iomem *vram;

	vram = ioremap_wc(res->start, size);
	if (!vram)
		return -ENOMEM;

	memset(vram, 0, size);				/* expect-warning addr-iomem-as-kernel-pointer */
	if (logo && logo->len <= size)
		memcpy(vram, logo->data, logo->len);	/* expect-warning addr-iomem-as-kernel-pointer */

	info->screen_base = vram;
	info->fix.smem_start = res->start;
	info->fix.smem_len = size;
	return 0;
}
