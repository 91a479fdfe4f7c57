/* mmap-range-unchecked (good): smscufx/udlfb after the fix: vm_pgoff is guarded against overflow, the size and the offset are both compared with smem_len, then the vmalloc'ed framebuffer is mapped page by page. */
#include <linux/fb.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>

static int ufx_ops_mmap(struct fb_info *info, struct vm_area_struct *vma)
{
	unsigned long start = vma->vm_start;
	unsigned long size = vma->vm_end - vma->vm_start;
	unsigned long offset = vma->vm_pgoff << PAGE_SHIFT;
	unsigned long page, pos;

	if (vma->vm_pgoff > (~0UL >> PAGE_SHIFT))
		return -EINVAL;
	if (size > info->fix.smem_len)
		return -EINVAL;
	if (offset > info->fix.smem_len - size)
		return -EINVAL;

	pos = (unsigned long)info->fix.smem_start + offset;

	while (size > 0) {
		page = vmalloc_to_pfn((void *)pos);
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

static const struct fb_ops ufx_ops = {
	.owner = THIS_MODULE,
	.fb_mmap = ufx_ops_mmap,
};
