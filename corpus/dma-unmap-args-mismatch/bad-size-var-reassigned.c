/* dma-unmap-args-mismatch: the length variable used for the map is rounded up before it is used for the unmap. */
#include <linux/dma-mapping.h>

#define BLT_SRC		0x00
#define BLT_LEN		0x08
#define BLT_GO		0x0c

struct blt_dev {
	struct device *dev;
	void __iomem *mmio;
	struct completion done;
};

static int blt_upload(struct blt_dev *bd, void *pixels, size_t len)
{
	size_t xfer = len;
	dma_addr_t dma;
	int ret = 0;

	dma = dma_map_single(bd->dev, pixels, xfer, DMA_TO_DEVICE);
	if (dma_mapping_error(bd->dev, dma))
		return -ENOMEM;

	/* the engine transfers whole 64-byte bursts */
	xfer = ALIGN(xfer, 64);

	reinit_completion(&bd->done);
	lo_hi_writeq(dma, bd->mmio + BLT_SRC);
	writel(xfer, bd->mmio + BLT_LEN);
	writel(1, bd->mmio + BLT_GO);
	if (!wait_for_completion_timeout(&bd->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(bd->dev, dma, xfer, DMA_TO_DEVICE); /* expect-warning dma-unmap-args-mismatch */
	return ret;
}
