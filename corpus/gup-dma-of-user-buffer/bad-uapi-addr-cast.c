/* A u64 address from the uapi struct (copied from user space) is cast to a pointer and DMA-mapped. */
#include <linux/fs.h>
#include <linux/dma-mapping.h>
#include <linux/uaccess.h>

struct xfer_desc {
	__u64 buf;
	__u32 len;
	__u32 dir;
};

struct bridge {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static long bridge_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct bridge *br = file->private_data;
	void __user *argp = (void __user *)arg;
	struct xfer_desc desc;
	dma_addr_t h;
	long ret = 0;

	if (copy_from_user(&desc, argp, sizeof(desc)))
		return -EFAULT;
	if (!desc.len || desc.len > SZ_1M)
		return -EINVAL;

	h = dma_map_single(br->dev, (void *)(uintptr_t)desc.buf, desc.len, DMA_TO_DEVICE); /* expect-warning gup-dma-of-user-buffer */
	if (dma_mapping_error(br->dev, h))
		return -ENOMEM;
	reinit_completion(&br->done);
	writeq(h, br->regs + 0x100);
	writel(desc.len, br->regs + 0x108);
	if (!wait_for_completion_timeout(&br->done, 2 * HZ))
		ret = -ETIMEDOUT;
	dma_unmap_single(br->dev, h, desc.len, DMA_TO_DEVICE);
	return ret;
}

static const struct file_operations bridge_fops = {
	.unlocked_ioctl = bridge_ioctl,
};
