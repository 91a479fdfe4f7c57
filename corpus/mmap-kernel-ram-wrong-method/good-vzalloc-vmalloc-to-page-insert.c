/* mmap-kernel-ram-wrong-method (good): a vzalloc()'d sample buffer is inserted page by page with vmalloc_to_page() + vm_insert_page(). */
#include <linux/module.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/fs.h>

#define ADC_BUF_PAGES		64

struct adc_file {
	struct device *dev;
	u8 *samples;
	unsigned long npages;
};

static int adc_open(struct inode *inode, struct file *file)
{
	struct adc_file *af = kzalloc(sizeof(*af), GFP_KERNEL);

	if (!af)
		return -ENOMEM;
	af->npages = ADC_BUF_PAGES;
	af->samples = vzalloc(af->npages << PAGE_SHIFT);
	if (!af->samples) {
		kfree(af);
		return -ENOMEM;
	}
	file->private_data = af;
	return 0;
}

static int adc_release(struct inode *inode, struct file *file)
{
	struct adc_file *af = file->private_data;

	vfree(af->samples);
	kfree(af);
	return 0;
}

static int adc_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct adc_file *af = file->private_data;
	unsigned long uaddr = vma->vm_start;
	unsigned long i;
	int ret;

	if (vma->vm_pgoff >= af->npages || vma_pages(vma) > af->npages - vma->vm_pgoff)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	for (i = 0; i < vma_pages(vma); i++) {
		u8 *kaddr = af->samples + ((vma->vm_pgoff + i) << PAGE_SHIFT);

		ret = vm_insert_page(vma, uaddr, vmalloc_to_page(kaddr));
		if (ret)
			return ret;
		uaddr += PAGE_SIZE;
	}
	return 0;
}

static const struct file_operations adc_fops = {
	.owner = THIS_MODULE,
	.open = adc_open,
	.release = adc_release,
	.mmap = adc_mmap,
};
