/* dma-dir-usage-mismatch: a status block the device writes is mapped TO_DEVICE and read after sync_for_cpu. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define STB_ADDR	0x00
#define STB_ARM		0x08
#define STB_SIZE	64

struct stb_dev {
	struct device *dev;
	void __iomem *mmio;
	struct completion upd;
	u32 link;
};

static int stb_read_link(struct stb_dev *s)
{
	dma_addr_t dma;
	__le32 *blk;
	int ret = 0;

	blk = kzalloc(STB_SIZE, GFP_KERNEL);
	if (!blk)
		return -ENOMEM;

	dma = dma_map_single(s->dev, blk, STB_SIZE, DMA_TO_DEVICE); /* expect-warning dma-dir-usage-mismatch */
	if (dma_mapping_error(s->dev, dma)) {
		kfree(blk);
		return -ENOMEM;
	}

	lo_hi_writeq(dma, s->mmio + STB_ADDR);
	writel(1, s->mmio + STB_ARM);
	if (wait_for_completion_timeout(&s->upd, HZ)) {
		dma_sync_single_for_cpu(s->dev, dma, STB_SIZE, DMA_TO_DEVICE); /* expect-warning dma-sync-protocol */
		s->link = le32_to_cpu(blk[0]);
	} else {
		ret = -ETIMEDOUT;
	}

	dma_unmap_single(s->dev, dma, STB_SIZE, DMA_TO_DEVICE);
	kfree(blk);
	return ret;
}
