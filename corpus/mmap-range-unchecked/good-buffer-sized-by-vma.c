/* mmap-range-unchecked (good): usbfs-style: the buffer is allocated in the mmap handler with the VMA's own size, so the VMA cannot be larger than the object it maps. */
#include <linux/dma-mapping.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct xfer_mem {
	struct device *dev;
	void *mem;
	dma_addr_t dma;
	size_t size;
};

static int xfer_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct xfer_mem *xm = file->private_data;
	size_t size = vma->vm_end - vma->vm_start;
	int ret;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff)
		return -EINVAL;

	xm->mem = dma_alloc_coherent(xm->dev, size, &xm->dma, GFP_USER | __GFP_NOWARN);
	if (!xm->mem)
		return -ENOMEM;
	xm->size = size;

	ret = dma_mmap_coherent(xm->dev, vma, xm->mem, xm->dma, size);
	if (ret) {
		dma_free_coherent(xm->dev, size, xm->mem, xm->dma);
		xm->mem = NULL;
		return ret;
	}
	return 0;
}

static const struct file_operations xfer_fops = {
	.owner = THIS_MODULE,
	.mmap = xfer_mmap,
};
