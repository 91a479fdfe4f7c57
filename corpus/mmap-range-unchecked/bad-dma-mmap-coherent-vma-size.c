/* mmap-range-unchecked (bad): dma_mmap_coherent() checks the request against the size it is given, and the driver gives it the VMA's own size, so a long mmap() maps past the end of the coherent ring. */
#include <linux/dma-mapping.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/platform_device.h>

#define ADC_RING_BYTES	(64 * 1024)

struct adc_dev {
	struct device *dev;
	struct miscdevice misc;
	void *ring;
	dma_addr_t ring_dma;
};

static int adc_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct adc_dev *adc = container_of(file->private_data, struct adc_dev, misc);
	size_t size = vma->vm_end - vma->vm_start;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	/* expect-warning@+1 mmap-range-unchecked */
	return dma_mmap_coherent(adc->dev, vma, adc->ring, adc->ring_dma, size);
}

static const struct file_operations adc_fops = {
	.owner = THIS_MODULE,
	.mmap = adc_mmap,
};

static int adc_probe(struct platform_device *pdev)
{
	struct adc_dev *adc;

	adc = devm_kzalloc(&pdev->dev, sizeof(*adc), GFP_KERNEL);
	if (!adc)
		return -ENOMEM;
	adc->dev = &pdev->dev;

	adc->ring = dma_alloc_coherent(&pdev->dev, ADC_RING_BYTES, &adc->ring_dma, GFP_KERNEL);
	if (!adc->ring)
		return -ENOMEM;

	adc->misc.minor = MISC_DYNAMIC_MINOR;
	adc->misc.name = "adc-ring";
	adc->misc.fops = &adc_fops;
	platform_set_drvdata(pdev, adc);
	return misc_register(&adc->misc);
}
