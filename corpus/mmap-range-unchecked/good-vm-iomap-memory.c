/* mmap-range-unchecked (good): vm_iomap_memory() bounds vm_pgoff and the VMA size by the region it is given, so the handler needs no check of its own. */
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/platform_device.h>

struct mbox_win {
	struct miscdevice misc;
	phys_addr_t phys;
	resource_size_t len;
};

static int mbox_win_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct mbox_win *mw = container_of(filp->private_data, struct mbox_win, misc);

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return vm_iomap_memory(vma, mw->phys, mw->len);
}

static const struct file_operations mbox_win_fops = {
	.owner = THIS_MODULE,
	.mmap = mbox_win_mmap,
};

static int mbox_win_probe(struct platform_device *pdev)
{
	struct mbox_win *mw;
	struct resource *res;

	mw = devm_kzalloc(&pdev->dev, sizeof(*mw), GFP_KERNEL);
	if (!mw)
		return -ENOMEM;
	res = platform_get_resource(pdev, IORESOURCE_MEM, 1);
	if (!res)
		return -ENODEV;
	mw->phys = res->start;
	mw->len = resource_size(res);

	mw->misc.minor = MISC_DYNAMIC_MINOR;
	mw->misc.name = "mbox-win";
	mw->misc.fops = &mbox_win_fops;
	return misc_register(&mw->misc);
}
