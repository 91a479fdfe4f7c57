/* The mmap_lock taken for get_user_pages() is kept across the whole DMA transfer and its wait. */
#include <linux/mm.h>
#include <linux/completion.h>
#include <linux/dma-mapping.h>

struct acq_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion xfer_done;
};

#define ACQ_DMA_ADDR	0x00
#define ACQ_DMA_LEN	0x08
#define ACQ_DMA_START	0x0c

static int acq_capture_page(struct acq_dev *acq, unsigned long uaddr, size_t len)
{
	struct page *page;
	dma_addr_t dma;
	long got;
	int ret = 0;

	if (offset_in_page(uaddr) + len > PAGE_SIZE)
		return -EINVAL;

	mmap_read_lock(current->mm);
	got = get_user_pages(uaddr & PAGE_MASK, 1, FOLL_WRITE, &page, NULL);
	if (got != 1) {
		mmap_read_unlock(current->mm);
		return got < 0 ? got : -EFAULT;
	}

	dma = dma_map_page(acq->dev, page, offset_in_page(uaddr), len, DMA_FROM_DEVICE);
	if (dma_mapping_error(acq->dev, dma)) {
		ret = -ENOMEM;
		goto out_put;
	}
	reinit_completion(&acq->xfer_done);
	writel(lower_32_bits(dma), acq->regs + ACQ_DMA_ADDR);
	writel(len, acq->regs + ACQ_DMA_LEN);
	writel(1, acq->regs + ACQ_DMA_START);
	if (!wait_for_completion_timeout(&acq->xfer_done, HZ)) /* expect-warning gup-locking-and-variant */
		ret = -ETIMEDOUT;
	dma_unmap_page(acq->dev, dma, len, DMA_FROM_DEVICE);
	set_page_dirty_lock(page);
out_put:
	put_page(page);
	mmap_read_unlock(current->mm);
	return ret;
}

static long acq_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct acq_dev *acq = file->private_data;

	return acq_capture_page(acq, arg, 512);
}

static const struct file_operations acq_fops = {
	.unlocked_ioctl = acq_ioctl,
};
