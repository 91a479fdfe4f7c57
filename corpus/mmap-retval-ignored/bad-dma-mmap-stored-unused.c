/* Audio DSP shared buffer: the dma_mmap_coherent() result lands in 'ret' and is never looked at. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/dma-mapping.h>
#include <linux/platform_device.h>

struct dsp_shm {
	struct device *dev;
	void *cpu;
	dma_addr_t dma;
	size_t size;
};

static void dsp_vm_open(struct vm_area_struct *vma)
{
}

static const struct vm_operations_struct dsp_vm_ops = {
	.open = dsp_vm_open,
};

static int dsp_shm_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct dsp_shm *shm = file->private_data;
	int ret;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	ret = dma_mmap_coherent(shm->dev, vma, shm->cpu, shm->dma, shm->size); /* expect-warning mmap-retval-ignored */
	vma->vm_ops = &dsp_vm_ops;
	vma->vm_private_data = shm;
	return 0;
}

static const struct file_operations dsp_shm_fops = {
	.owner = THIS_MODULE,
	.mmap = dsp_shm_mmap,
};

static int dsp_probe(struct platform_device *pdev)
{
	struct dsp_shm *shm;

	shm = devm_kzalloc(&pdev->dev, sizeof(*shm), GFP_KERNEL);
	if (!shm)
		return -ENOMEM;
	shm->dev = &pdev->dev;
	shm->size = SZ_64K;
	shm->cpu = dmam_alloc_coherent(&pdev->dev, shm->size, &shm->dma, GFP_KERNEL);
	if (!shm->cpu)
		return -ENOMEM;
	platform_set_drvdata(pdev, shm);
	return 0;
}
