/* mmap-range-unchecked (bad): a USB display's fb_mmap maps its vmalloc'ed shadow framebuffer one page per turn for as long as the VMA lasts, and never compares the VMA with smem_len (udlfb before its range checks). */
#include <linux/fb.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>

struct ufb_data {
	struct fb_info *info;
	void *shadow;
};

static int ufb_ops_mmap(struct fb_info *info, struct vm_area_struct *vma)
{
	unsigned long start = vma->vm_start;
	unsigned long size = vma->vm_end - vma->vm_start;
	unsigned long offset = vma->vm_pgoff << PAGE_SHIFT;
	unsigned long page, pos;

	pos = (unsigned long)info->fix.smem_start + offset;

	while (size > 0) {
		page = vmalloc_to_pfn((void *)pos);
		/* expect-warning@+1 mmap-range-unchecked */
		if (remap_pfn_range(vma, start, page, PAGE_SIZE, PAGE_SHARED))
			return -EAGAIN;

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
	.fb_mmap = ufb_ops_mmap,
};

static int ufb_alloc_framebuffer(struct ufb_data *ufb, unsigned long new_len)
{
	struct fb_info *info = ufb->info;
	unsigned char *new_fb;

	new_fb = vmalloc_user(new_len);
	if (!new_fb)
		return -ENOMEM;
	ufb->shadow = new_fb;
	info->screen_base = new_fb;
	info->fix.smem_len = PAGE_ALIGN(new_len);
	info->fix.smem_start = (unsigned long)new_fb;
	return 0;
}
