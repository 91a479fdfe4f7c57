/* write(): the user buffer is put into a scatterlist with sg_set_buf() as if it were kernel memory. */
#include <linux/fs.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct spi_fifo {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static ssize_t fifo_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	struct spi_fifo *ff = file->private_data;
	struct scatterlist sg;
	int nents;

	if (count > SZ_64K)
		return -EINVAL;
	sg_init_table(&sg, 1);
	sg_set_buf(&sg, buf, count); /* expect-warning gup-dma-of-user-buffer */
	nents = dma_map_sg(ff->dev, &sg, 1, DMA_TO_DEVICE);
	if (!nents)
		return -ENOMEM;
	reinit_completion(&ff->done);
	writel(lower_32_bits(sg_dma_address(&sg)), ff->regs + 0x00);
	writel(sg_dma_len(&sg), ff->regs + 0x04);
	wait_for_completion(&ff->done);
	dma_unmap_sg(ff->dev, &sg, 1, DMA_TO_DEVICE);
	return count;
}

static const struct file_operations fifo_fops = {
	.owner = THIS_MODULE,
	.write = fifo_write,
};
