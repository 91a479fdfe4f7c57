/* mmap-range-unchecked (bad): a uio_info.mmap hook checks the size against the memory region but adds the user's vm_pgoff to the base without comparing it, so a large offset maps past the region. */
#include <linux/mm.h>
#include <linux/platform_device.h>
#include <linux/uio_driver.h>

static int fpga_uio_mmap(struct uio_info *info, struct vm_area_struct *vma)
{
	struct uio_mem *mem = &info->mem[0];
	unsigned long size = vma->vm_end - vma->vm_start;
	unsigned long pfn;

	if (size > mem->size)
		return -EINVAL;

	pfn = (mem->addr >> PAGE_SHIFT) + vma->vm_pgoff;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	/* expect-warning@+1 mmap-range-unchecked */
	return io_remap_pfn_range(vma, vma->vm_start, pfn, size, vma->vm_page_prot);
}

static int fpga_uio_probe(struct platform_device *pdev)
{
	struct uio_info *info;
	struct resource *res;

	info = devm_kzalloc(&pdev->dev, sizeof(*info), GFP_KERNEL);
	if (!info)
		return -ENOMEM;
	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	info->name = "fpga-uio";
	info->version = "1";
	info->mem[0].addr = res->start;
	info->mem[0].size = resource_size(res);
	info->mem[0].memtype = UIO_MEM_PHYS;
	info->mmap = fpga_uio_mmap;
	return devm_uio_register_device(&pdev->dev, info);
}
