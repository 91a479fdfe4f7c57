/* Shared DMA descriptor ring: the dma_mmap_wc() error is logged and returned. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/dma-mapping.h>

struct desc_ring {
	struct device *dev;
	void *cpu;
	dma_addr_t dma;
	size_t size;
};

static int dring_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct desc_ring *dr = file->private_data;
	int ret;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	ret = dma_mmap_wc(dr->dev, vma, dr->cpu, dr->dma, dr->size);
	if (ret) {
		dev_err(dr->dev, "dma_mmap_wc failed: %d\n", ret);
		return ret;
	}
	vma->vm_private_data = dr;
	return 0;
}

static int dring_mmap_attrs(struct desc_ring *dr, struct vm_area_struct *vma)
{
	int err = dma_mmap_attrs(dr->dev, vma, dr->cpu, dr->dma, dr->size, DMA_ATTR_WRITE_COMBINE);

	if (unlikely(err < 0))
		dev_dbg(dr->dev, "mmap: %d\n", err);
	return err;
}

static const struct file_operations dring_fops = {
	.owner = THIS_MODULE,
	.mmap = dring_mmap,
};
