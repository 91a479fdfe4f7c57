/* FPGA register window: the handler returns io_remap_pfn_range()'s result directly. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/platform_device.h>
#include <linux/io.h>

struct fpga_win {
	struct device *dev;
	struct resource *res;
	void __iomem *base;
};

static int fpga_win_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct fpga_win *w = file->private_data;
	unsigned long npages = resource_size(w->res) >> PAGE_SHIFT;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff >= npages || vma_pages(vma) > npages - vma->vm_pgoff)
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return io_remap_pfn_range(vma, vma->vm_start,
				  PHYS_PFN(w->res->start) + vma->vm_pgoff,
				  vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static const struct file_operations fpga_win_fops = {
	.owner = THIS_MODULE,
	.mmap = fpga_win_mmap,
};

static int fpga_win_probe(struct platform_device *pdev)
{
	struct fpga_win *w;

	w = devm_kzalloc(&pdev->dev, sizeof(*w), GFP_KERNEL);
	if (!w)
		return -ENOMEM;
	w->dev = &pdev->dev;
	w->res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!w->res)
		return -ENODEV;
	w->base = devm_ioremap_resource(&pdev->dev, w->res);
	if (IS_ERR(w->base))
		return PTR_ERR(w->base);
	platform_set_drvdata(pdev, w);
	return 0;
}

static struct platform_driver fpga_win_driver = {
	.probe = fpga_win_probe,
	.driver = { .name = "fpga-win" },
};
