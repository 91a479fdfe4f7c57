/* fbdev on a PCI BAR: fb_mmap() makes the mapping write-combined; fbmem.c already applied pgprot_decrypted(). */
#include <linux/fb.h>
#include <linux/mm.h>
#include <linux/pci.h>

struct vfb_par {
	struct pci_dev *pdev;
	void __iomem *mmio;
};

static int vfb_mmap(struct fb_info *info, struct vm_area_struct *vma)
{
	unsigned long off = vma->vm_pgoff << PAGE_SHIFT;
	unsigned long len = vma->vm_end - vma->vm_start;

	if (off >= info->fix.smem_len || len > info->fix.smem_len - off)
		return -EINVAL;

	vma->vm_page_prot = pgprot_writecombine(vma->vm_page_prot);
	return remap_pfn_range(vma, vma->vm_start, (info->fix.smem_start + off) >> PAGE_SHIFT,
			       len, vma->vm_page_prot);
}

static const struct fb_ops vfb_ops = {
	.owner = THIS_MODULE,
	.fb_mmap = vfb_mmap,
	.fb_fillrect = cfb_fillrect,
	.fb_copyarea = cfb_copyarea,
	.fb_imageblit = cfb_imageblit,
};

static int vfb_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct fb_info *info;
	struct vfb_par *par;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	info = framebuffer_alloc(sizeof(*par), &pdev->dev);
	if (!info)
		return -ENOMEM;
	par = info->par;
	par->pdev = pdev;
	info->fix.smem_start = pci_resource_start(pdev, 0);
	info->fix.smem_len = pci_resource_len(pdev, 0);
	info->fix.mmio_start = pci_resource_start(pdev, 1);
	info->fix.mmio_len = pci_resource_len(pdev, 1);
	info->screen_base = ioremap_wc(info->fix.smem_start, info->fix.smem_len);
	if (!info->screen_base) {
		framebuffer_release(info);
		return -ENOMEM;
	}
	info->fbops = &vfb_ops;
	return register_framebuffer(info);
}
