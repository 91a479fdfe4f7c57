/* dmac-cpuaddr-treated-as-linear (good): an fbdev driver maps its dma_alloc_wc() frame buffer into user space with dma_mmap_wc() in fb_mmap. */
#include <linux/fb.h>
#include <linux/dma-mapping.h>

#define LCDC_REG_FB_BASE	0x10
#define LCDC_REG_CTRL		0x00
#define LCDC_CTRL_EN		BIT(0)

struct lcdc_par {
	struct device *dev;
	void __iomem *regs;
	void *fb;
	dma_addr_t fb_dma;
};

static int lcdc_alloc_fb(struct fb_info *info, struct lcdc_par *par)
{
	size_t size = PAGE_ALIGN(info->var.yres_virtual * info->fix.line_length);
	dma_addr_t fb_dma;
	void *fb;

	fb = dma_alloc_wc(par->dev, size, &fb_dma, GFP_KERNEL);
	if (!fb)
		return -ENOMEM;

	info->screen_base = (char __iomem *)fb;
	info->screen_size = size;
	info->fix.smem_len = size;
	par->fb = fb;
	par->fb_dma = fb_dma;
	writel(lower_32_bits(fb_dma), par->regs + LCDC_REG_FB_BASE);
	writel(LCDC_CTRL_EN, par->regs + LCDC_REG_CTRL);
	return 0;
}

static int lcdc_fb_mmap(struct fb_info *info, struct vm_area_struct *vma)
{
	struct lcdc_par *par = info->par;

	return dma_mmap_wc(par->dev, vma, par->fb, par->fb_dma, info->fix.smem_len);
}
