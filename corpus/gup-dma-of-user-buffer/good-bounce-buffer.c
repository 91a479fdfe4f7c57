/* write(): the user data is copied into a kmalloc'ed bounce buffer, and the bounce buffer is mapped. */
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/dma-mapping.h>

struct spi_fifo {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static ssize_t fifo_write(struct file *file, const char __user *ubuf, size_t count, loff_t *ppos)
{
	struct spi_fifo *ff = file->private_data;
	dma_addr_t dma;
	void *bounce;
	ssize_t ret = count;

	if (count > SZ_64K)
		return -EINVAL;
	bounce = kmalloc(count, GFP_KERNEL);
	if (!bounce)
		return -ENOMEM;
	if (copy_from_user(bounce, ubuf, count)) {
		ret = -EFAULT;
		goto out;
	}
	dma = dma_map_single(ff->dev, bounce, count, DMA_TO_DEVICE);
	if (dma_mapping_error(ff->dev, dma)) {
		ret = -ENOMEM;
		goto out;
	}
	reinit_completion(&ff->done);
	writel(lower_32_bits(dma), ff->regs);
	wait_for_completion(&ff->done);
	dma_unmap_single(ff->dev, dma, count, DMA_TO_DEVICE);
out:
	kfree(bounce);
	return ret;
}

static const struct file_operations fifo_fops = {
	.write = fifo_write,
};
