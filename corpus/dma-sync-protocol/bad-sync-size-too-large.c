/* dma-sync-protocol: only the 256-byte header area is mapped, but the sync claims 2048 bytes. */
#include <linux/dma-mapping.h>

#define SPLT_HDR_ADDR	0x40
#define SPLT_ARM	0x48

struct splt_rxq {
	struct device *dev;
	void __iomem *regs;
	u8 *hdr_area;
	struct completion done;
	u16 last_proto;
};

static int splt_rx_header(struct splt_rxq *q)
{
	dma_addr_t dma;
	int ret = 0;

	dma = dma_map_single(q->dev, q->hdr_area, 256, DMA_FROM_DEVICE);
	if (dma_mapping_error(q->dev, dma))
		return -ENOMEM;

	lo_hi_writeq(dma, q->regs + SPLT_HDR_ADDR);
	writel(1, q->regs + SPLT_ARM);
	if (!wait_for_completion_timeout(&q->done, HZ)) {
		ret = -ETIMEDOUT;
		goto out;
	}

	dma_sync_single_for_cpu(q->dev, dma, 2048, DMA_FROM_DEVICE); /* expect-warning dma-sync-protocol */
	q->last_proto = q->hdr_area[12] << 8 | q->hdr_area[13];
out:
	dma_unmap_single(q->dev, dma, 256, DMA_FROM_DEVICE);
	return ret;
}
