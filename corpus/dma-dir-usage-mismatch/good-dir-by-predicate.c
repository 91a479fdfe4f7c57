/* dma-dir-usage-mismatch (good): block I/O picks the direction from the request, and the command uses the same predicate. */
#include <linux/blkdev.h>
#include <linux/dma-mapping.h>

#define MMX_ADDR	0x00
#define MMX_LEN		0x08
#define MMX_CMD		0x0c
#define MMX_CMD_READ	0x11
#define MMX_CMD_WRITE	0x18

struct mmx_host {
	struct device *dev;
	void __iomem *base;
	struct completion done;
};

static int mmx_xfer(struct mmx_host *host, void *buf, unsigned int len, bool write)
{
	enum dma_data_direction dir = write ? DMA_TO_DEVICE : DMA_FROM_DEVICE;
	dma_addr_t dma;
	int ret = 0;

	dma = dma_map_single(host->dev, buf, len, dir);
	if (dma_mapping_error(host->dev, dma))
		return -ENOMEM;

	reinit_completion(&host->done);
	lo_hi_writeq(dma, host->base + MMX_ADDR);
	writel(len, host->base + MMX_LEN);
	writel(write ? MMX_CMD_WRITE : MMX_CMD_READ, host->base + MMX_CMD);
	if (!wait_for_completion_timeout(&host->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(host->dev, dma, len, dir);
	return ret;
}
