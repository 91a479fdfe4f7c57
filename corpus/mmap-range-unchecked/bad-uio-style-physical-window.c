/* mmap-range-unchecked (bad): a UIO-style physical window (LDD3 simple_remap_mmap with a base): the size and vm_pgoff come straight from the VMA and are never compared with the region. */
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/platform_device.h>

struct sram_win {
	struct miscdevice misc;
	phys_addr_t base;
	resource_size_t size;
};

static int sram_win_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct sram_win *win = container_of(filp->private_data, struct sram_win, misc);
	unsigned long len = vma->vm_end - vma->vm_start;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	/* expect-warning@+1 mmap-range-unchecked */
	return io_remap_pfn_range(vma, vma->vm_start,
				  (win->base >> PAGE_SHIFT) + vma->vm_pgoff,
				  len, vma->vm_page_prot);
}

static const struct file_operations sram_win_fops = {
	.owner = THIS_MODULE,
	.mmap = sram_win_mmap,
};

static int sram_win_probe(struct platform_device *pdev)
{
	struct sram_win *win;
	struct resource *res;

	win = devm_kzalloc(&pdev->dev, sizeof(*win), GFP_KERNEL);
	if (!win)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	win->base = res->start;
	win->size = resource_size(res);

	win->misc.minor = MISC_DYNAMIC_MINOR;
	win->misc.name = "sram-win";
	win->misc.fops = &sram_win_fops;
	platform_set_drvdata(pdev, win);
	return misc_register(&win->misc);
}
