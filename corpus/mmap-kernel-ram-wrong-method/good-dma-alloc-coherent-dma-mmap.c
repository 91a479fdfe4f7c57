/* mmap-kernel-ram-wrong-method (good): a coherent capture ring from dma_alloc_coherent() is exported with dma_mmap_coherent(). */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/fs.h>

#define CAP_RING_BYTES		SZ_2M

struct cap_file {
	struct pci_dev *pdev;
	void *ring;
	dma_addr_t ring_dma;
};

static int cap_open(struct inode *inode, struct file *file)
{
	struct pci_dev *pdev = container_of(inode->i_cdev, struct cap_card, cdev)->pdev;
	struct cap_file *cf;

	cf = kzalloc(sizeof(*cf), GFP_KERNEL);
	if (!cf)
		return -ENOMEM;
	cf->pdev = pdev;
	cf->ring = dma_alloc_coherent(&pdev->dev, CAP_RING_BYTES, &cf->ring_dma, GFP_KERNEL);
	if (!cf->ring) {
		kfree(cf);
		return -ENOMEM;
	}
	file->private_data = cf;
	return 0;
}

static int cap_release(struct inode *inode, struct file *file)
{
	struct cap_file *cf = file->private_data;

	dma_free_coherent(&cf->pdev->dev, CAP_RING_BYTES, cf->ring, cf->ring_dma);
	kfree(cf);
	return 0;
}

static int cap_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct cap_file *cf = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	/* bounds-checks vm_pgoff and the length, picks the right page protection */
	return dma_mmap_coherent(&cf->pdev->dev, vma, cf->ring, cf->ring_dma, CAP_RING_BYTES);
}

static const struct file_operations cap_fops = {
	.owner = THIS_MODULE,
	.open = cap_open,
	.release = cap_release,
	.mmap = cap_mmap,
};
