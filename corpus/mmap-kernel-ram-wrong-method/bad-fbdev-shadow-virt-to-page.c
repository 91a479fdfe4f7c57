/* mmap-kernel-ram-wrong-method: an fbdev driver with a vzalloc()'d shadow framebuffer inserts its pages with vm_insert_page(virt_to_page()) instead of vmalloc_to_page(). */
#include <linux/module.h>
#include <linux/fb.h>
#include <linux/spi/spi.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>

#define LCD_WIDTH	320
#define LCD_HEIGHT	240
#define LCD_BPP		16

struct lcdfb_par {
	struct spi_device *spi;
	struct fb_info *info;
	u8 *shadow;
	size_t shadow_len;
	struct delayed_work flush_work;
};

static int lcdfb_mmap(struct fb_info *info, struct vm_area_struct *vma)
{
	struct lcdfb_par *par = info->par;
	unsigned long npages = par->shadow_len >> PAGE_SHIFT;
	unsigned long uaddr = vma->vm_start;
	unsigned long i;
	int ret;

	if (vma->vm_pgoff >= npages || vma_pages(vma) > npages - vma->vm_pgoff)
		return -EINVAL;

	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	for (i = 0; i < vma_pages(vma); i++) {
		void *kaddr = par->shadow + ((vma->vm_pgoff + i) << PAGE_SHIFT);

		ret = vm_insert_page(vma, uaddr, virt_to_page(kaddr)); /* expect-warning mmap-kernel-ram-wrong-method */
		if (ret)
			return ret;
		uaddr += PAGE_SIZE;
	}
	return 0;
}

static const struct fb_ops lcdfb_ops = {
	.owner = THIS_MODULE,
	.fb_read = fb_sys_read,
	.fb_write = fb_sys_write,
	.fb_fillrect = sys_fillrect,
	.fb_copyarea = sys_copyarea,
	.fb_imageblit = sys_imageblit,
	.fb_mmap = lcdfb_mmap,
};

static int lcdfb_probe(struct spi_device *spi)
{
	struct fb_info *info;
	struct lcdfb_par *par;
	int ret;

	info = framebuffer_alloc(sizeof(*par), &spi->dev);
	if (!info)
		return -ENOMEM;
	par = info->par;
	par->spi = spi;
	par->info = info;
	par->shadow_len = PAGE_ALIGN(LCD_WIDTH * LCD_HEIGHT * LCD_BPP / 8);
	par->shadow = vzalloc(par->shadow_len);
	if (!par->shadow) {
		ret = -ENOMEM;
		goto err_release;
	}

	info->fbops = &lcdfb_ops;
	info->screen_buffer = par->shadow;
	info->fix.smem_len = par->shadow_len;
	info->var.xres = LCD_WIDTH;
	info->var.yres = LCD_HEIGHT;
	info->var.bits_per_pixel = LCD_BPP;

	ret = register_framebuffer(info);
	if (ret)
		goto err_vfree;
	spi_set_drvdata(spi, info);
	return 0;

err_vfree:
	vfree(par->shadow);
err_release:
	framebuffer_release(info);
	return ret;
}

static struct spi_driver lcdfb_driver = {
	.driver = { .name = "lcdfb" },
	.probe = lcdfb_probe,
};
module_spi_driver(lcdfb_driver);
