/* mmap-slab-or-uninit-exposure (good): a write-combined display buffer from dma_alloc_wc() (zeroed by the DMA API) is exported with dma_mmap_wc(). */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/fb.h>

struct panel_fb {
	struct device *dev;
	struct fb_info *info;
	void *vaddr;
	dma_addr_t paddr;
	size_t size;
};

static int panel_fb_mmap(struct fb_info *info, struct vm_area_struct *vma)
{
	struct panel_fb *pfb = info->par;

	return dma_mmap_wc(pfb->dev, vma, pfb->vaddr, pfb->paddr, pfb->size);
}

static const struct fb_ops panel_fb_ops = {
	.owner = THIS_MODULE,
	.fb_mmap = panel_fb_mmap,
	.fb_fillrect = cfb_fillrect,
	.fb_copyarea = cfb_copyarea,
	.fb_imageblit = cfb_imageblit,
};

static int panel_fb_alloc(struct panel_fb *pfb, u32 xres, u32 yres, u32 bpp)
{
	pfb->size = PAGE_ALIGN(xres * yres * bpp / 8);
	pfb->vaddr = dma_alloc_wc(pfb->dev, pfb->size, &pfb->paddr, GFP_KERNEL);
	if (!pfb->vaddr)
		return -ENOMEM;
	pfb->info->screen_base = (char __iomem *)pfb->vaddr;
	pfb->info->fix.smem_start = pfb->paddr;
	pfb->info->fix.smem_len = pfb->size;
	return 0;
}
