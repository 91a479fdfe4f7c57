/* dma-map-leak across functions: a misc character device maps its per-open bounce buffer in .open (unmapping it when enabling the engine fails), but .release frees the buffer without unmapping it. */
#include <linux/dma-mapping.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define XDMA_BOUNCE_SIZE	(64 * 1024)
#define XDMA_REG_ADDR		0x08
#define XDMA_REG_CTRL		0x00
#define XDMA_CTRL_RUN		BIT(0)

struct xdma_session {
	struct xdma_dev *xd;
	void *bounce;
	dma_addr_t bounce_dma;
};

struct xdma_dev {
	struct device *dev;
	void __iomem *regs;
	struct mutex lock;
	struct miscdevice misc;
	bool busy;
};

static struct xdma_dev *xdma_global;

static int xdma_engine_start(struct xdma_dev *xd, dma_addr_t addr)
{
	writel(lower_32_bits(addr), xd->regs + XDMA_REG_ADDR);
	writel(XDMA_CTRL_RUN, xd->regs + XDMA_REG_CTRL);
	if (!(readl(xd->regs + XDMA_REG_CTRL) & XDMA_CTRL_RUN))
		return -EIO;
	return 0;
}

static int xdma_open(struct inode *inode, struct file *file)
{
	struct xdma_dev *xd = xdma_global;
	struct xdma_session *s;
	int ret;

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	s->xd = xd;
	s->bounce = kmalloc(XDMA_BOUNCE_SIZE, GFP_KERNEL);
	if (!s->bounce) {
		ret = -ENOMEM;
		goto err_sess;
	}
	s->bounce_dma = dma_map_single(xd->dev, s->bounce, XDMA_BOUNCE_SIZE, DMA_BIDIRECTIONAL);
	if (dma_mapping_error(xd->dev, s->bounce_dma)) {
		ret = -ENOMEM;
		goto err_buf;
	}

	mutex_lock(&xd->lock);
	ret = xd->busy ? -EBUSY : xdma_engine_start(xd, s->bounce_dma);
	if (!ret)
		xd->busy = true;
	mutex_unlock(&xd->lock);
	if (ret)
		goto err_unmap;

	file->private_data = s;
	return 0;

err_unmap:
	dma_unmap_single(xd->dev, s->bounce_dma, XDMA_BOUNCE_SIZE, DMA_BIDIRECTIONAL);
err_buf:
	kfree(s->bounce);
err_sess:
	kfree(s);
	return ret;
}

static int xdma_release(struct inode *inode, struct file *file)
{
	struct xdma_session *s = file->private_data;
	struct xdma_dev *xd = s->xd;

	mutex_lock(&xd->lock);
	writel(0, xd->regs + XDMA_REG_CTRL);
	xd->busy = false;
	mutex_unlock(&xd->lock);
	kfree(s->bounce);
	kfree(s);
	return 0;
} /* expect-warning dma-map-leak */

static const struct file_operations xdma_fops = {
	.owner = THIS_MODULE,
	.open = xdma_open,
	.release = xdma_release,
	.llseek = noop_llseek,
};

int xdma_register(struct xdma_dev *xd)
{
	mutex_init(&xd->lock);
	xd->misc.minor = MISC_DYNAMIC_MINOR;
	xd->misc.name = "xdma-bounce";
	xd->misc.fops = &xdma_fops;
	xdma_global = xd;
	return misc_register(&xd->misc);
}
