/* addr-dma-handle-as-cpu-address: an mmap handler exports coherent memory by turning the DMA handle into a pfn. */
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
	unsigned long size = vma->vm_end - vma->vm_start;

	if (size > cd->ring_size)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, cd->ring_dma >> PAGE_SHIFT,	/* expect-warning addr-dma-handle-as-cpu-address */
			       size, vma->vm_page_prot);
}
