/* The VMA is prepared by a helper that forgets VM_IO and VM_DONTDUMP for a fault-populated register window. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/platform_device.h>

struct isp_regs {
	struct resource *res;
	unsigned long npages;
};

static vm_fault_t isp_regs_fault(struct vm_fault *vmf)
{
	struct isp_regs *ir = vmf->vma->vm_private_data;
	unsigned long pfn;

	if (vmf->pgoff >= ir->npages)
		return VM_FAULT_SIGBUS;
	pfn = (ir->res->start >> PAGE_SHIFT) + vmf->pgoff;
	return vmf_insert_pfn(vmf->vma, vmf->address, pfn);
}

static const struct vm_operations_struct isp_regs_vm_ops = {
	.fault = isp_regs_fault,
};

static void isp_regs_vma_setup(struct vm_area_struct *vma, struct isp_regs *ir)
{
	vma->vm_flags |= VM_PFNMAP | VM_DONTEXPAND;
	vma->vm_page_prot = pgprot_device(vma->vm_page_prot);
	vma->vm_ops = &isp_regs_vm_ops; /* expect-warning mmap-vm-flags */
	vma->vm_private_data = ir;
}

static int isp_regs_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct isp_regs *ir = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff || vma_pages(vma) > ir->npages)
		return -EINVAL;
	isp_regs_vma_setup(vma, ir);
	return 0;
}

static const struct file_operations isp_regs_fops = {
	.owner = THIS_MODULE,
	.mmap = isp_regs_mmap,
};

static int isp_probe(struct platform_device *pdev)
{
	struct isp_regs *ir = devm_kzalloc(&pdev->dev, sizeof(*ir), GFP_KERNEL);

	if (!ir)
		return -ENOMEM;
	ir->res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!ir->res)
		return -ENODEV;
	ir->npages = resource_size(ir->res) >> PAGE_SHIFT;
	platform_set_drvdata(pdev, ir);
	return 0;
}
