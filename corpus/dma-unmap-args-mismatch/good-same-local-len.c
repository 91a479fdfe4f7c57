/* dma-unmap-args-mismatch (good): the same local length is used for map and unmap; the device count goes to another variable. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define MDX_RX_BUF	4096
#define MDX_RX_ADDR	0x00
#define MDX_RX_ARM	0x08
#define MDX_RX_COUNT	0x0c

struct mdx_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion rx_done;
	u8 last[64];
};

static int mdx_rx_once(struct mdx_dev *md, size_t buf_len)
{
	dma_addr_t h;
	size_t rx_len;
	u8 *buf;

	buf = kmalloc(buf_len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	h = dma_map_single(md->dev, buf, buf_len, DMA_FROM_DEVICE);
	if (dma_mapping_error(md->dev, h)) {
		kfree(buf);
		return -ENOMEM;
	}

	reinit_completion(&md->rx_done);
	lo_hi_writeq(h, md->regs + MDX_RX_ADDR);
	writel(1, md->regs + MDX_RX_ARM);
	if (!wait_for_completion_timeout(&md->rx_done, HZ)) {
		dma_unmap_single(md->dev, h, buf_len, DMA_FROM_DEVICE);
		kfree(buf);
		return -ETIMEDOUT;
	}

	rx_len = min_t(size_t, readl(md->regs + MDX_RX_COUNT), buf_len);
	dma_unmap_single(md->dev, h, buf_len, DMA_FROM_DEVICE);
	memcpy(md->last, buf, min_t(size_t, rx_len, sizeof(md->last)));
	kfree(buf);
	return 0;
}
