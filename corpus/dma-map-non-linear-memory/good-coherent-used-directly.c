/* dma-map-non-linear-memory (good): a coherent mailbox is handed to the device by its own handle; only the kmalloc'ed payload is streaming-mapped. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define MBX_SIZE		256
#define MBX_REG_ADDR		0x00
#define MBX_REG_DATA		0x08
#define MBX_REG_KICK		0x10

struct mbx_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion reply;
};

static int mbx_send(struct mbx_dev *md, const void *msg, size_t len, void *payload, size_t plen)
{
	dma_addr_t coh_dma, h;
	void *mbox;
	int ret = 0;

	mbox = dma_alloc_coherent(md->dev, MBX_SIZE, &coh_dma, GFP_KERNEL);
	if (!mbox)
		return -ENOMEM;
	memcpy(mbox, msg, min_t(size_t, len, MBX_SIZE));

	h = dma_map_single(md->dev, payload, plen, DMA_TO_DEVICE);
	if (dma_mapping_error(md->dev, h)) {
		ret = -ENOMEM;
		goto out_free;
	}

	reinit_completion(&md->reply);
	lo_hi_writeq(coh_dma, md->regs + MBX_REG_ADDR);
	lo_hi_writeq(h, md->regs + MBX_REG_DATA);
	writel(1, md->regs + MBX_REG_KICK);
	if (!wait_for_completion_timeout(&md->reply, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(md->dev, h, plen, DMA_TO_DEVICE);
out_free:
	dma_free_coherent(md->dev, MBX_SIZE, mbox, coh_dma);
	return ret;
}
