/* The catalogue's GOOD code (6.3 API): vm_flags_set(), reject VM_WRITE, vm_flags_clear(VM_MAYWRITE). */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/platform_device.h>

struct rtc_shadow {
	struct resource *res;
};

static int rtc_shadow_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct rtc_shadow *rs = file->private_data;

	if (vma->vm_end - vma->vm_start > resource_size(rs->res) || vma->vm_pgoff)
		return -EINVAL;
	vm_flags_set(vma, VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP);
	if (vma->vm_flags & VM_WRITE)               /* read-only export */
		return -EPERM;
	vm_flags_clear(vma, VM_MAYWRITE);
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return io_remap_pfn_range(vma, vma->vm_start, PHYS_PFN(rs->res->start),
				  vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static const struct file_operations rtc_shadow_fops = {
	.owner = THIS_MODULE,
	.mmap = rtc_shadow_mmap,
};

static int rtc_shadow_probe(struct platform_device *pdev)
{
	struct rtc_shadow *rs = devm_kzalloc(&pdev->dev, sizeof(*rs), GFP_KERNEL);

	if (!rs)
		return -ENOMEM;
	rs->res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!rs->res)
		return -ENODEV;
	platform_set_drvdata(pdev, rs);
	return 0;
}
