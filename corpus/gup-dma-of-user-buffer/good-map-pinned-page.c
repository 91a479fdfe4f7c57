/* One user page pinned and mapped with dma_map_page() at the user offset; no user pointer reaches the DMA API. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/dma-mapping.h>

struct acq_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static long acq_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct acq_dev *acq = file->private_data;
	void __user *ubuf = (void __user *)arg;
	unsigned long uaddr = (unsigned long)ubuf;
	struct page *page;
	dma_addr_t dma;
	long ret = 0;

	if (offset_in_page(uaddr) + 512 > PAGE_SIZE)
		return -EINVAL;
	if (pin_user_pages_fast(uaddr & PAGE_MASK, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	dma = dma_map_page(acq->dev, page, offset_in_page(uaddr), 512, DMA_FROM_DEVICE);
	if (dma_mapping_error(acq->dev, dma)) {
		unpin_user_page(page);
		return -ENOMEM;
	}
	reinit_completion(&acq->done);
	writel(lower_32_bits(dma), acq->regs);
	if (!wait_for_completion_timeout(&acq->done, HZ))
		ret = -ETIMEDOUT;
	dma_unmap_page(acq->dev, dma, 512, DMA_FROM_DEVICE);
	unpin_user_pages_dirty_lock(&page, 1, true);
	return ret;
}

static const struct file_operations acq_fops = {
	.unlocked_ioctl = acq_ioctl,
};
