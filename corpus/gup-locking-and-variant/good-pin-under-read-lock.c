/* pin_user_pages() bracketed by mmap_read_lock()/mmap_read_unlock(), the lock dropped before the DMA starts. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct xdma_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

#define XDMA_REG_ADDR	0x10
#define XDMA_REG_GO	0x18

static long xdma_read_user(struct xdma_dev *xd, unsigned long uaddr, size_t len)
{
	unsigned int nr = DIV_ROUND_UP(offset_in_page(uaddr) + len, PAGE_SIZE);
	struct page **pages;
	struct sg_table sgt;
	long pinned;
	int ret;

	pages = kvcalloc(nr, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;

	mmap_read_lock(current->mm);
	pinned = pin_user_pages(uaddr & PAGE_MASK, nr, FOLL_WRITE, pages, NULL);
	mmap_read_unlock(current->mm);
	if (pinned < 0) {
		ret = pinned;
		goto out_free;
	}
	if (pinned != nr) {
		ret = -EFAULT;
		goto out_unpin;
	}

	ret = sg_alloc_table_from_pages(&sgt, pages, pinned, offset_in_page(uaddr), len, GFP_KERNEL);
	if (ret)
		goto out_unpin;
	ret = dma_map_sgtable(xd->dev, &sgt, DMA_FROM_DEVICE, 0);
	if (ret)
		goto out_sgt;

	reinit_completion(&xd->done);
	writeq(sg_dma_address(sgt.sgl), xd->regs + XDMA_REG_ADDR);
	writel(1, xd->regs + XDMA_REG_GO);
	if (!wait_for_completion_timeout(&xd->done, msecs_to_jiffies(1000)))
		ret = -ETIMEDOUT;

	dma_unmap_sgtable(xd->dev, &sgt, DMA_FROM_DEVICE, 0);
out_sgt:
	sg_free_table(&sgt);
out_unpin:
	unpin_user_pages_dirty_lock(pages, pinned, !ret);
out_free:
	kvfree(pages);
	return ret;
}

static long xdma_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct xdma_dev *xd = file->private_data;

	return xdma_read_user(xd, arg, PAGE_SIZE * 4);
}

static const struct file_operations xdma_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = xdma_ioctl,
};
