/* fbdev driver: the frame buffer address given to ioremap_wc() is mapped to user space without pgprot_writecombine(). */
#include <linux/fb.h>
#include <linux/mm.h>
#include <linux/platform_device.h>
#include <linux/io.h>

struct lcdc_par {
	phys_addr_t fb_phys;
	size_t fb_size;
	void __iomem *fb_virt;
};

static int lcdc_fb_mmap(struct fb_info *info, struct vm_area_struct *vma)
{
	struct lcdc_par *par = info->par;
	unsigned long off = vma->vm_pgoff << PAGE_SHIFT;

	if (off >= par->fb_size || vma->vm_end - vma->vm_start > par->fb_size - off)
		return -EINVAL;
	return vm_iomap_memory(vma, par->fb_phys, par->fb_size); /* expect-warning mmap-iomem-attributes */
}

static const struct fb_ops lcdc_fb_ops = {
	.owner = THIS_MODULE,
	.fb_mmap = lcdc_fb_mmap,
	.fb_fillrect = cfb_fillrect,
	.fb_copyarea = cfb_copyarea,
	.fb_imageblit = cfb_imageblit,
};

static int lcdc_probe(struct platform_device *pdev)
{
	struct fb_info *info;
	struct lcdc_par *par;
	u32 base, size;

	if (of_property_read_u32(pdev->dev.of_node, "fb-base", &base) ||
	    of_property_read_u32(pdev->dev.of_node, "fb-size", &size))
		return -EINVAL;
	info = framebuffer_alloc(sizeof(*par), &pdev->dev);
	if (!info)
		return -ENOMEM;
	par = info->par;
	par->fb_phys = base;
	par->fb_size = size;
	par->fb_virt = ioremap_wc(par->fb_phys, par->fb_size);
	if (!par->fb_virt) {
		framebuffer_release(info);
		return -ENOMEM;
	}
	info->fbops = &lcdc_fb_ops;
	info->screen_base = par->fb_virt;
	info->fix.smem_start = par->fb_phys;
	info->fix.smem_len = par->fb_size;
	return register_framebuffer(info);
}
