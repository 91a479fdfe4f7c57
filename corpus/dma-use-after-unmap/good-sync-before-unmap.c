/* dma-use-after-unmap (good): the partial sync happens while the mapping is alive; the unmap comes last. */
#include <linux/dma-mapping.h>

#define MSX_ADDR	0x00
#define MSX_GO		0x08
#define MSX_LEN		256

struct msx_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
	u8 *resp;
	u8 code;
};

static int msx_query(struct msx_dev *md)
{
	dma_addr_t dma;
	int ret = 0;

	dma = dma_map_single(md->dev, md->resp, MSX_LEN, DMA_FROM_DEVICE);
	if (dma_mapping_error(md->dev, dma))
		return -ENOMEM;

	reinit_completion(&md->done);
	lo_hi_writeq(dma, md->regs + MSX_ADDR);
	writel(1, md->regs + MSX_GO);
	if (!wait_for_completion_timeout(&md->done, HZ)) {
		ret = -ETIMEDOUT;
	} else {
		dma_sync_single_for_cpu(md->dev, dma, MSX_LEN, DMA_FROM_DEVICE);
		md->code = md->resp[0];
	}

	dma_unmap_single(md->dev, dma, MSX_LEN, DMA_FROM_DEVICE);
	return ret;
}
