/* mmap-kernel-ram-wrong-method (good): a USB display's vmalloc()'d framebuffer is cleared in probe and mapped page by page with remap_pfn_range(vmalloc_to_pfn()). */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/fb.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>

struct ufb_data {
	struct usb_device *udev;
	struct fb_info *info;
	struct kref kref;
};

static int ufb_mmap(struct fb_info *info, struct vm_area_struct *vma)
{
	unsigned long start = vma->vm_start;
	unsigned long size = vma->vm_end - vma->vm_start;
	unsigned long offset = vma->vm_pgoff << PAGE_SHIFT;
	unsigned long pos;
	int ret;

	if (vma->vm_pgoff > (~0UL >> PAGE_SHIFT))
		return -EINVAL;
	if (size > info->fix.smem_len || offset > info->fix.smem_len - size)
		return -EINVAL;

	pos = (unsigned long)info->fix.smem_start + offset;
	while (size > 0) {
		unsigned long pfn = vmalloc_to_pfn((void *)pos);

		ret = remap_pfn_range(vma, start, pfn, PAGE_SIZE, PAGE_SHARED);
		if (ret)
			return ret;
		start += PAGE_SIZE;
		pos += PAGE_SIZE;
		if (size > PAGE_SIZE)
			size -= PAGE_SIZE;
		else
			size = 0;
	}
	return 0;
}

static const struct fb_ops ufb_ops = {
	.owner = THIS_MODULE,
	.fb_read = fb_sys_read,
	.fb_write = fb_sys_write,
	.fb_mmap = ufb_mmap,
};

static int ufb_realloc_framebuffer(struct ufb_data *ufb, struct fb_info *info, u32 new_len)
{
	unsigned char *new_fb;

	new_len = PAGE_ALIGN(new_len);
	if (new_len <= info->fix.smem_len)
		return 0;
	new_fb = vmalloc(new_len);
	if (!new_fb)
		return -ENOMEM;
	memset(new_fb, 0xff, new_len);

	info->screen_buffer = new_fb;
	info->fix.smem_len = new_len;
	info->fix.smem_start = (unsigned long)new_fb;
	info->flags = FBINFO_DEFAULT | FBINFO_VIRTFB;
	return 0;
}
