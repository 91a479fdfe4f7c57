/* mmap-slab-or-uninit-exposure (good): one 'struct hw_buf' type holds both a kzalloc()'d command buffer (kernel only) and a dma_alloc_coherent() ring (mapped); the field cannot tell them apart, so nothing is reported. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/fs.h>

#define HB_CMD_BYTES		512
#define HB_RING_BYTES		SZ_64K

struct hw_buf {
	void *vaddr;
	dma_addr_t dma;
	size_t size;
};

struct hb_dev {
	struct pci_dev *pdev;
	struct hw_buf cmd;
	struct hw_buf ring;
};

static int hb_alloc_kernel_buf(struct hw_buf *b, size_t size)
{
	b->vaddr = kzalloc(size, GFP_KERNEL);
	if (!b->vaddr)
		return -ENOMEM;
	b->size = size;
	return 0;
}

static int hb_alloc_shared_buf(struct hb_dev *hb, struct hw_buf *b, size_t size)
{
	b->vaddr = dma_alloc_coherent(&hb->pdev->dev, size, &b->dma, GFP_KERNEL);
	if (!b->vaddr)
		return -ENOMEM;
	b->size = size;
	return 0;
}

static int hb_init_bufs(struct hb_dev *hb)
{
	int ret;

	ret = hb_alloc_kernel_buf(&hb->cmd, HB_CMD_BYTES);
	if (ret)
		return ret;
	ret = hb_alloc_shared_buf(hb, &hb->ring, HB_RING_BYTES);
	if (ret)
		kfree(hb->cmd.vaddr);
	return ret;
}

static int hb_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct hb_dev *hb = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	return dma_mmap_coherent(&hb->pdev->dev, vma, hb->ring.vaddr, hb->ring.dma,
				 hb->ring.size);
}

static const struct file_operations hb_fops = {
	.owner = THIS_MODULE,
	.mmap = hb_mmap,
};
