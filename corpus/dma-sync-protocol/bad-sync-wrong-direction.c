/* dma-sync-protocol: the RX buffer was mapped FROM_DEVICE but is synced for the CPU with DMA_TO_DEVICE. */
#include <linux/dma-mapping.h>

#define HID_REPORT_ADDR		0x30
#define HID_REPORT_ARM		0x38

struct hidx {
	struct device *dev;
	void __iomem *regs;
	u8 *report;
	size_t report_len;
	struct completion done;
	u8 last_id;
};

static int hidx_get_report(struct hidx *h)
{
	dma_addr_t dma;
	int ret = 0;

	dma = dma_map_single(h->dev, h->report, h->report_len, DMA_FROM_DEVICE);
	if (dma_mapping_error(h->dev, dma))
		return -ENOMEM;

	reinit_completion(&h->done);
	lo_hi_writeq(dma, h->regs + HID_REPORT_ADDR);
	writel(1, h->regs + HID_REPORT_ARM);
	if (wait_for_completion_timeout(&h->done, HZ / 4)) {
		dma_sync_single_for_cpu(h->dev, dma, h->report_len, DMA_TO_DEVICE); /* expect-warning dma-sync-protocol */
		h->last_id = h->report[0];
	} else {
		ret = -ETIMEDOUT;
	}

	dma_unmap_single(h->dev, dma, h->report_len, DMA_FROM_DEVICE);
	return ret;
}
