/* Direct-I/O ioctl: pin_user_pages() (the locked variant) is called without mmap_read_lock(). */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct xdma_dev {
	struct device *dev;
	void __iomem *regs;
	struct mutex lock;
	struct completion done;
};

struct xdma_xfer {
	__u64 uaddr;
	__u32 len;
	__u32 flags;
};

#define XDMA_IOC_READ	_IOW('x', 1, struct xdma_xfer)
#define XDMA_REG_ADDR	0x10
#define XDMA_REG_GO	0x18

static long xdma_read_user(struct xdma_dev *xd, struct xdma_xfer *xf)
{
	unsigned long first = xf->uaddr & PAGE_MASK;
	unsigned int nr = DIV_ROUND_UP(offset_in_page(xf->uaddr) + xf->len, PAGE_SIZE);
	struct page **pages;
	struct sg_table sgt;
	long pinned;
	int ret;

	pages = kvcalloc(nr, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;

	pinned = pin_user_pages(first, nr, FOLL_WRITE, pages, NULL); /* expect-warning gup-locking-and-variant */
	if (pinned < 0) {
		ret = pinned;
		goto out_free;
	}
	if (pinned != nr) {
		ret = -EFAULT;
		goto out_unpin;
	}

	ret = sg_alloc_table_from_pages(&sgt, pages, pinned, offset_in_page(xf->uaddr),
					xf->len, GFP_KERNEL);
	if (ret)
		goto out_unpin;
	ret = dma_map_sgtable(xd->dev, &sgt, DMA_FROM_DEVICE, 0);
	if (ret)
		goto out_sgt;

	writeq(sg_dma_address(sgt.sgl), xd->regs + XDMA_REG_ADDR);
	reinit_completion(&xd->done);
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
	struct xdma_xfer xf;
	long ret;

	if (cmd != XDMA_IOC_READ)
		return -ENOTTY;
	if (copy_from_user(&xf, (void __user *)arg, sizeof(xf)))
		return -EFAULT;

	mutex_lock(&xd->lock);
	ret = xdma_read_user(xd, &xf);
	mutex_unlock(&xd->lock);
	return ret;
}

static const struct file_operations xdma_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = xdma_ioctl,
};
