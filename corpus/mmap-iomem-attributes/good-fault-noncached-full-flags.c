/* Fault-populated MMIO done right: the mmap handler sets the flags and pgprot_noncached() before any fault. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/platform_device.h>

struct gpio_uapi {
	struct resource *mem;
	unsigned long npages;
};

static vm_fault_t gpio_uapi_fault(struct vm_fault *vmf)
{
	struct gpio_uapi *gu = vmf->vma->vm_private_data;

	if (vmf->pgoff >= gu->npages)
		return VM_FAULT_SIGBUS;
	return vmf_insert_pfn(vmf->vma, vmf->address, PHYS_PFN(gu->mem->start) + vmf->pgoff);
}

static const struct vm_operations_struct gpio_uapi_vm_ops = {
	.fault = gpio_uapi_fault,
};

static int gpio_uapi_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct gpio_uapi *gu = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff || vma_pages(vma) > gu->npages)
		return -EINVAL;
	vma->vm_flags |= VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vma->vm_ops = &gpio_uapi_vm_ops;
	vma->vm_private_data = gu;
	return 0;
}

static const struct file_operations gpio_uapi_fops = {
	.owner = THIS_MODULE,
	.mmap = gpio_uapi_mmap,
};

static int gpio_uapi_probe(struct platform_device *pdev)
{
	struct gpio_uapi *gu = devm_kzalloc(&pdev->dev, sizeof(*gu), GFP_KERNEL);

	if (!gu)
		return -ENOMEM;
	gu->mem = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!gu->mem)
		return -ENODEV;
	gu->npages = resource_size(gu->mem) >> PAGE_SHIFT;
	platform_set_drvdata(pdev, gu);
	return 0;
}
