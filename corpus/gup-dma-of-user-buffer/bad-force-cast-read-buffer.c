/* read(): a __force cast silences sparse, but the user buffer is still not DMA-able kernel memory. */
#include <linux/fs.h>
#include <linux/dma-mapping.h>

struct ccd {
	struct device *dev;
	void __iomem *regs;
	struct completion frame_done;
};

static ssize_t ccd_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	struct ccd *ccd = file->private_data;
	void *vbuf = (void __force *)ubuf;
	dma_addr_t dma;

	dma = dma_map_single(ccd->dev, vbuf, count, DMA_FROM_DEVICE); /* expect-warning gup-dma-of-user-buffer */
	if (dma_mapping_error(ccd->dev, dma))
		return -EIO;
	reinit_completion(&ccd->frame_done);
	writel(lower_32_bits(dma), ccd->regs + 0x20);
	wait_for_completion(&ccd->frame_done);
	dma_unmap_single(ccd->dev, dma, count, DMA_FROM_DEVICE);
	return count;
}

static const struct file_operations ccd_fops = {
	.owner = THIS_MODULE,
	.read = ccd_read,
};
