/* dma-sync-protocol (good): sync_for_cpu, read and rewrite, sync_for_device, and only then the doorbell. */
#include <linux/dma-mapping.h>

#define CAN_RX_ADDR	0x00
#define CAN_RX_ARM	0x08
#define CAN_FRAME_SZ	64

struct canx_frame {
	__le32 status;
	__le32 id;
	u8 data[56];
};

struct canx_priv {
	struct device *dev;
	void __iomem *base;
	struct canx_frame *rx;
	struct completion rx_done;
	u32 ids[32];
};

static int canx_rx_burst(struct canx_priv *p, int count)
{
	struct canx_frame *f = p->rx;
	dma_addr_t dma;
	int i, ret = 0;

	dma = dma_map_single(p->dev, f, CAN_FRAME_SZ, DMA_BIDIRECTIONAL);
	if (dma_mapping_error(p->dev, dma))
		return -ENOMEM;
	lo_hi_writeq(dma, p->base + CAN_RX_ADDR);

	for (i = 0; i < count; i++) {
		writel(1, p->base + CAN_RX_ARM);
		if (!wait_for_completion_timeout(&p->rx_done, HZ)) {
			ret = -ETIMEDOUT;
			break;
		}
		dma_sync_single_for_cpu(p->dev, dma, CAN_FRAME_SZ, DMA_BIDIRECTIONAL);
		p->ids[i % 32] = le32_to_cpu(f->id);
		f->status = 0;
		dma_sync_single_for_device(p->dev, dma, CAN_FRAME_SZ, DMA_BIDIRECTIONAL);
	}

	dma_unmap_single(p->dev, dma, CAN_FRAME_SZ, DMA_BIDIRECTIONAL);
	return ret;
}
