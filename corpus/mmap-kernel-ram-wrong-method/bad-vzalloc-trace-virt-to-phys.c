/* mmap-kernel-ram-wrong-method: a trace buffer allocated with vzalloc() in probe() is exported in mmap() with remap_pfn_range(virt_to_phys(buf) >> PAGE_SHIFT). */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>

#define TRC_BUF_SIZE		(64 * PAGE_SIZE)

struct trc_dev {
	struct device *dev;
	struct miscdevice misc;
	void *buf;
	size_t size;
	void __iomem *regs;
};

static int trc_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct trc_dev *td = container_of(file->private_data, struct trc_dev, misc);
	unsigned long npages = td->size >> PAGE_SHIFT;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff >= npages || vma_pages(vma) > npages - vma->vm_pgoff)
		return -EINVAL;

	/* vmalloc memory is not physically contiguous, nor in the linear map */
	return remap_pfn_range(vma, vma->vm_start, /* expect-warning mmap-kernel-ram-wrong-method */
			       (virt_to_phys(td->buf) >> PAGE_SHIFT) + vma->vm_pgoff,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static const struct file_operations trc_fops = {
	.owner = THIS_MODULE,
	.mmap = trc_mmap,
	.llseek = noop_llseek,
};

static int trc_probe(struct platform_device *pdev)
{
	struct trc_dev *td;
	int ret;

	td = devm_kzalloc(&pdev->dev, sizeof(*td), GFP_KERNEL);
	if (!td)
		return -ENOMEM;
	td->dev = &pdev->dev;

	td->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(td->regs))
		return PTR_ERR(td->regs);

	td->size = TRC_BUF_SIZE;
	td->buf = vzalloc(td->size);
	if (!td->buf)
		return -ENOMEM;

	td->misc.minor = MISC_DYNAMIC_MINOR;
	td->misc.name = "trc";
	td->misc.fops = &trc_fops;
	ret = misc_register(&td->misc);
	if (ret) {
		vfree(td->buf);
		return ret;
	}
	platform_set_drvdata(pdev, td);
	return 0;
}

static struct platform_driver trc_driver = {
	.probe = trc_probe,
	.driver = { .name = "trc" },
};
module_platform_driver(trc_driver);
