/* mmap-kernel-ram-wrong-method (ownership): a conversion of vmalloc memory done in probe() and kept in a field belongs to addr-linear-only-conversion at the conversion; the mmap() that uses the stored PFN is not reported a second time. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/fs.h>

#define LOG_PAGES		16

struct fwlog_dev {
	struct device *dev;
	void *log;
	unsigned long log_pfn;
	struct miscdevice misc;
};

static int fwlog_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct fwlog_dev *fl = container_of(file->private_data, struct fwlog_dev, misc);

	if (vma->vm_pgoff >= LOG_PAGES || vma_pages(vma) > LOG_PAGES - vma->vm_pgoff)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, fl->log_pfn + vma->vm_pgoff,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static const struct file_operations fwlog_fops = {
	.owner = THIS_MODULE,
	.mmap = fwlog_mmap,
};

static int fwlog_probe(struct platform_device *pdev)
{
	struct fwlog_dev *fl;
	void *log;

	fl = devm_kzalloc(&pdev->dev, sizeof(*fl), GFP_KERNEL);
	if (!fl)
		return -ENOMEM;
	fl->dev = &pdev->dev;

	log = vzalloc(LOG_PAGES * PAGE_SIZE);
	if (!log)
		return -ENOMEM;
	fl->log = log;
	fl->log_pfn = virt_to_phys(log) >> PAGE_SHIFT; /* expect-warning addr-linear-only-conversion */

	fl->misc.minor = MISC_DYNAMIC_MINOR;
	fl->misc.name = "fwlog";
	fl->misc.fops = &fwlog_fops;
	platform_set_drvdata(pdev, fl);
	return misc_register(&fl->misc);
}

static struct platform_driver fwlog_driver = {
	.probe = fwlog_probe,
	.driver = { .name = "fwlog" },
};
module_platform_driver(fwlog_driver);
