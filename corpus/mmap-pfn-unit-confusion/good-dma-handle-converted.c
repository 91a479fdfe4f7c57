/* mmap-pfn-unit-confusion (good): coherent memory is exported through dma_mmap_coherent(), which takes the CPU address and the DMA handle as they are; no PFN is computed by hand. */
#include <linux/dma-mapping.h>
#include <linux/fs.h>
#include <linux/mm.h>

#define EVT_BYTES	(16 * PAGE_SIZE)

struct evt_dev {
	struct device *dev;
	void *evt;
	dma_addr_t evt_dma;
};

static int evt_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct evt_dev *ed = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	return dma_mmap_coherent(ed->dev, vma, ed->evt, ed->evt_dma, EVT_BYTES);
}

static int evt_alloc(struct evt_dev *ed)
{
	ed->evt = dma_alloc_coherent(ed->dev, EVT_BYTES, &ed->evt_dma, GFP_KERNEL);
	return ed->evt ? 0 : -ENOMEM;
}

static const struct file_operations evt_fops = {
	.owner = THIS_MODULE,
	.mmap = evt_mmap,
};
