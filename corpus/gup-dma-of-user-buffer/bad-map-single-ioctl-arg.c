/* The ioctl argument, a user address, is handed straight to dma_map_single(). */
#include <linux/fs.h>
#include <linux/dma-mapping.h>
#include <linux/miscdevice.h>

struct dsp_dev {
	struct device *dev;
	void __iomem *regs;
	struct miscdevice misc;
	struct completion done;
};

#define DSP_IOC_CAPTURE	_IO('d', 3)
#define DSP_CAPTURE_LEN	4096

static long dsp_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct dsp_dev *dsp = container_of(file->private_data, struct dsp_dev, misc);
	dma_addr_t dma;
	long ret = 0;

	if (cmd != DSP_IOC_CAPTURE)
		return -ENOTTY;

	dma = dma_map_single(dsp->dev, (void *)arg, DSP_CAPTURE_LEN, DMA_FROM_DEVICE); /* expect-warning gup-dma-of-user-buffer */
	if (dma_mapping_error(dsp->dev, dma))
		return -EFAULT;
	reinit_completion(&dsp->done);
	writel(lower_32_bits(dma), dsp->regs + 0x10);
	writel(DSP_CAPTURE_LEN, dsp->regs + 0x14);
	if (!wait_for_completion_timeout(&dsp->done, HZ))
		ret = -ETIMEDOUT;
	dma_unmap_single(dsp->dev, dma, DSP_CAPTURE_LEN, DMA_FROM_DEVICE);
	return ret;
}

static const struct file_operations dsp_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = dsp_ioctl,
};
