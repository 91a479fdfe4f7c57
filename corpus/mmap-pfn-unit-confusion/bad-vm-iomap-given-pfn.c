/* mmap-pfn-unit-confusion (bad): vm_iomap_memory() takes a physical byte address, but the driver passes the page frame number it keeps for io_remap_pfn_range(). */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/platform_device.h>

struct gpio_win {
	unsigned long base_pfn;
	unsigned long len;
};

static int gpio_win_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct gpio_win *gw = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	/* expect-warning@+1 mmap-pfn-unit-confusion */
	return vm_iomap_memory(vma, gw->base_pfn, gw->len);
}

static int gpio_win_probe(struct platform_device *pdev)
{
	struct gpio_win *gw;
	struct resource *res;

	gw = devm_kzalloc(&pdev->dev, sizeof(*gw), GFP_KERNEL);
	if (!gw)
		return -ENOMEM;
	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	gw->base_pfn = PHYS_PFN(res->start);
	gw->len = resource_size(res);
	platform_set_drvdata(pdev, gw);
	return 0;
}

static const struct file_operations gpio_win_fops = {
	.owner = THIS_MODULE,
	.mmap = gpio_win_mmap,
};
