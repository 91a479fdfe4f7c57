/* The ioctl argument is copied into a kernel-typed pointer first; it is still a user address when it reaches dma_map_single(). */
#include <linux/fs.h>
#include <linux/dma-mapping.h>

struct nvm_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
	size_t blk_size;
};

static long nvm_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct nvm_dev *nvm = file->private_data;
	void *blk = (void *)arg;
	dma_addr_t dma;
	long ret = 0;

	dma = dma_map_single(nvm->dev, blk, nvm->blk_size, DMA_TO_DEVICE); /* expect-warning gup-dma-of-user-buffer */
	if (dma_mapping_error(nvm->dev, dma))
		return -ENOMEM;
	reinit_completion(&nvm->done);
	writeq(dma, nvm->regs + 0x08);
	if (!wait_for_completion_timeout(&nvm->done, HZ))
		ret = -ETIMEDOUT;
	dma_unmap_single(nvm->dev, dma, nvm->blk_size, DMA_TO_DEVICE);
	return ret;
}

static const struct file_operations nvm_fops = {
	.unlocked_ioctl = nvm_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
};
