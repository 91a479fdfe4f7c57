/* The coherent ring is exported with dma_mmap_coherent(), which knows the CPU address and the handle. */
#include <linux/dma-mapping.h>
#include <linux/fs.h>
#include <linux/mm.h>

struct cap_dev {
	struct device *dev;
	void *ring;
	dma_addr_t ring_dma;
	size_t ring_size;
};

static int cap_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct cap_dev *cd = file->private_data;

	if (vma->vm_end - vma->vm_start > cd->ring_size)
		return -EINVAL;
	return dma_mmap_coherent(cd->dev, vma, cd->ring, cd->ring_dma, cd->ring_size);
}
