/* dma-use-after-unmap (good): the timeout branch just sets the error; the one unmap is at the common exit label. */
#include <linux/dma-mapping.h>

#define NFX_ADDR	0x00
#define NFX_LEN		0x08
#define NFX_CMD		0x0c
#define NFX_CMD_PROG	0x80

struct nfx_ctrl {
	struct device *dev;
	void __iomem *base;
	struct completion done;
};

static int nfx_write_page(struct nfx_ctrl *nc, const u8 *buf, size_t len)
{
	dma_addr_t dma;
	int ret = 0;

	dma = dma_map_single(nc->dev, (void *)buf, len, DMA_TO_DEVICE);
	if (dma_mapping_error(nc->dev, dma))
		return -ENOMEM;

	reinit_completion(&nc->done);
	lo_hi_writeq(dma, nc->base + NFX_ADDR);
	writel(len, nc->base + NFX_LEN);
	writel(NFX_CMD_PROG, nc->base + NFX_CMD);

	if (!wait_for_completion_timeout(&nc->done, HZ)) {
		dev_err(nc->dev, "program timeout\n");
		ret = -ETIMEDOUT;
		goto out;
	}

	if (readl(nc->base + NFX_CMD) & BIT(0))
		ret = -EIO;
out:
	dma_unmap_single(nc->dev, dma, len, DMA_TO_DEVICE);
	return ret;
}
