/* dma-unmap-args-mismatch: the RX buffer is mapped with its full size but unmapped with the number of bytes received. */
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

static int mdx_rx_once(struct mdx_dev *md)
{
	dma_addr_t h;
	size_t rx_len;
	u8 *buf;
	int ret = 0;

	buf = kmalloc(MDX_RX_BUF, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	h = dma_map_single(md->dev, buf, MDX_RX_BUF, DMA_FROM_DEVICE);
	if (dma_mapping_error(md->dev, h)) {
		kfree(buf);
		return -ENOMEM;
	}

	reinit_completion(&md->rx_done);
	lo_hi_writeq(h, md->regs + MDX_RX_ADDR);
	writel(1, md->regs + MDX_RX_ARM);
	if (!wait_for_completion_timeout(&md->rx_done, HZ)) {
		dma_unmap_single(md->dev, h, MDX_RX_BUF, DMA_FROM_DEVICE);
		kfree(buf);
		return -ETIMEDOUT;
	}

	rx_len = min_t(size_t, readl(md->regs + MDX_RX_COUNT), MDX_RX_BUF);
	dma_unmap_single(md->dev, h, rx_len, DMA_FROM_DEVICE); /* expect-warning dma-unmap-args-mismatch */
	memcpy(md->last, buf, min_t(size_t, rx_len, sizeof(md->last)));
	kfree(buf);
	return ret;
}
