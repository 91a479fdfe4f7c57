/* dma-map-non-linear-memory: the CPU address of a dma_alloc_coherent() buffer is mapped again with dma_map_single(). */
#include <linux/dma-mapping.h>

#define MBX_SIZE		256
#define MBX_REG_ADDR		0x00
#define MBX_REG_KICK		0x08

struct mbx_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion reply;
};

static int mbx_roundtrip(struct mbx_dev *md, const void *msg, size_t len)
{
	dma_addr_t coh_dma, h;
	void *mbox;
	int ret = 0;

	mbox = dma_alloc_coherent(md->dev, MBX_SIZE, &coh_dma, GFP_KERNEL);
	if (!mbox)
		return -ENOMEM;
	memcpy(mbox, msg, min_t(size_t, len, MBX_SIZE));

	h = dma_map_single(md->dev, mbox, MBX_SIZE, DMA_BIDIRECTIONAL); /* expect-warning dma-map-non-linear-memory */
	if (dma_mapping_error(md->dev, h)) {
		ret = -ENOMEM;
		goto out_free;
	}

	reinit_completion(&md->reply);
	lo_hi_writeq(h, md->regs + MBX_REG_ADDR);
	writel(1, md->regs + MBX_REG_KICK);
	if (!wait_for_completion_timeout(&md->reply, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(md->dev, h, MBX_SIZE, DMA_BIDIRECTIONAL);
out_free:
	dma_free_coherent(md->dev, MBX_SIZE, mbox, coh_dma);
	return ret;
}
