/* SoC mailbox exported to user space: the IORESOURCE_MEM window goes through vm_iomap_memory() without pgprot_noncached(). */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/io.h>

struct mbox_uapi {
	struct miscdevice misc;
	struct resource *res;
	phys_addr_t win_phys;
	size_t win_size;
	void __iomem *regs;
};

static int mbox_uapi_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct mbox_uapi *mb = container_of(file->private_data, struct mbox_uapi, misc);

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	vma->vm_flags |= VM_DONTCOPY;
	return vm_iomap_memory(vma, mb->win_phys, mb->win_size); /* expect-warning mmap-iomem-attributes */
}

static const struct file_operations mbox_uapi_fops = {
	.owner = THIS_MODULE,
	.mmap = mbox_uapi_mmap,
};

static int mbox_uapi_probe(struct platform_device *pdev)
{
	struct mbox_uapi *mb;

	mb = devm_kzalloc(&pdev->dev, sizeof(*mb), GFP_KERNEL);
	if (!mb)
		return -ENOMEM;
	mb->res = platform_get_resource(pdev, IORESOURCE_MEM, 1);
	if (!mb->res)
		return -ENODEV;
	mb->win_phys = mb->res->start;
	mb->win_size = resource_size(mb->res);
	mb->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(mb->regs))
		return PTR_ERR(mb->regs);
	mb->misc.minor = MISC_DYNAMIC_MINOR;
	mb->misc.name = "mbox-uapi";
	mb->misc.fops = &mbox_uapi_fops;
	platform_set_drvdata(pdev, mb);
	return misc_register(&mb->misc);
}

static struct platform_driver mbox_uapi_driver = {
	.probe = mbox_uapi_probe,
	.driver = { .name = "mbox-uapi" },
};
