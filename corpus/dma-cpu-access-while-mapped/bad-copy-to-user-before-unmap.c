/* dma-cpu-access-while-mapped: a read() handler copies the FROM_DEVICE buffer to user space before unmapping it. */
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define ACQ_ADDR	0x00
#define ACQ_COUNT	0x08
#define ACQ_START	0x0c

struct acq_dev {
	struct device *dev;
	void __iomem *regs;
	wait_queue_head_t wq;
	bool done;
};

static ssize_t acq_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	struct acq_dev *ad = file->private_data;
	dma_addr_t dma;
	void *kbuf;
	ssize_t ret;

	count = min_t(size_t, count, PAGE_SIZE);
	kbuf = kmalloc(count, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;

	dma = dma_map_single(ad->dev, kbuf, count, DMA_FROM_DEVICE);
	if (dma_mapping_error(ad->dev, dma)) {
		ret = -ENOMEM;
		goto out_free;
	}

	ad->done = false;
	lo_hi_writeq(dma, ad->regs + ACQ_ADDR);
	writel(count, ad->regs + ACQ_COUNT);
	writel(1, ad->regs + ACQ_START);

	ret = wait_event_interruptible_timeout(ad->wq, ad->done, HZ);
	if (ret <= 0) {
		ret = ret ? ret : -ETIMEDOUT;
		goto out_unmap;
	}

	if (copy_to_user(ubuf, kbuf, count)) /* expect-warning dma-cpu-access-while-mapped */
		ret = -EFAULT;
	else
		ret = count;

out_unmap:
	dma_unmap_single(ad->dev, dma, count, DMA_FROM_DEVICE);
out_free:
	kfree(kbuf);
	return ret;
}
