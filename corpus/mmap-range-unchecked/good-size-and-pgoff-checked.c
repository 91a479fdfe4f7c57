/* mmap-range-unchecked (good): the exported DMA ring is mapped whole or not at all: a non-zero vm_pgoff is refused and the size is compared with the allocation before remapping. */
#include <linux/dma-mapping.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

#define CMDQ_BYTES	(32 * PAGE_SIZE)

struct cmdq_dev {
	struct pci_dev *pdev;
	void *cmdq;
	dma_addr_t cmdq_dma;
	size_t cmdq_len;
};

static int cmdq_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct cmdq_dev *cd = file->private_data;
	unsigned long size = vma->vm_end - vma->vm_start;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff)
		return -EINVAL;
	if (size > cd->cmdq_len)
		return -EINVAL;

	return dma_mmap_coherent(&cd->pdev->dev, vma, cd->cmdq, cd->cmdq_dma, size);
}

static const struct file_operations cmdq_fops = {
	.owner = THIS_MODULE,
	.mmap = cmdq_mmap,
};

static int cmdq_alloc(struct cmdq_dev *cd)
{
	cd->cmdq = dma_alloc_coherent(&cd->pdev->dev, CMDQ_BYTES, &cd->cmdq_dma, GFP_KERNEL);
	if (!cd->cmdq)
		return -ENOMEM;
	cd->cmdq_len = CMDQ_BYTES;
	return 0;
}
