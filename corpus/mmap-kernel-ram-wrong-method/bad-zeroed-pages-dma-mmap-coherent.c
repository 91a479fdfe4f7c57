/* mmap-kernel-ram-wrong-method: a descriptor area from __get_free_pages() is exported with dma_mmap_coherent(), which only maps dma_alloc_coherent() memory. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <linux/mm.h>
#include <linux/fs.h>

#define ACC_DESC_ORDER		2
#define ACC_DESC_BYTES		(PAGE_SIZE << ACC_DESC_ORDER)

struct acc_dev {
	struct pci_dev *pdev;
	void *desc;
	dma_addr_t desc_dma;
	void __iomem *bar;
};

static int acc_init_desc(struct acc_dev *acc)
{
	acc->desc = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, ACC_DESC_ORDER);
	if (!acc->desc)
		return -ENOMEM;
	acc->desc_dma = dma_map_single(&acc->pdev->dev, acc->desc, ACC_DESC_BYTES,
				       DMA_BIDIRECTIONAL);
	if (dma_mapping_error(&acc->pdev->dev, acc->desc_dma)) {
		free_pages((unsigned long)acc->desc, ACC_DESC_ORDER);
		acc->desc = NULL;
		return -ENOMEM;
	}
	return 0;
}

static int acc_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct acc_dev *acc = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	/* the descriptors were mapped with dma_map_single(), not allocated coherent */
	return dma_mmap_coherent(&acc->pdev->dev, vma, acc->desc, acc->desc_dma, /* expect-warning mmap-kernel-ram-wrong-method */
				 ACC_DESC_BYTES);
}

static const struct file_operations acc_fops = {
	.owner = THIS_MODULE,
	.mmap = acc_mmap,
};
