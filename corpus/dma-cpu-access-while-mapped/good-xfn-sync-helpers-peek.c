/* dma-cpu-access-while-mapped (cross-function, good): a long-lived URB-style status buffer is synced for the CPU by a helper before it is read and handed back with a sync-for-device helper before resubmission. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/io.h>

#define STS_LEN		64
#define STS_LINK_UP	BIT(0)

struct sts_dev {
	struct device *dev;
	void __iomem *regs;
	u8 *sts;
	dma_addr_t sts_dma;
	bool link;
};

static void sts_for_cpu(struct sts_dev *sd, dma_addr_t dma)
{
	dma_sync_single_for_cpu(sd->dev, dma, STS_LEN, DMA_FROM_DEVICE);
}

static void sts_for_device(struct sts_dev *sd, dma_addr_t dma)
{
	dma_sync_single_for_device(sd->dev, dma, STS_LEN, DMA_FROM_DEVICE);
}

void sts_link_changed(struct sts_dev *sd, bool up);

static int sts_poll_once(struct sts_dev *sd)
{
	u8 *sts = sd->sts;
	dma_addr_t dma;
	bool up;

	dma = dma_map_single(sd->dev, sts, STS_LEN, DMA_FROM_DEVICE);
	if (dma_mapping_error(sd->dev, dma))
		return -ENOMEM;
	lo_hi_writeq(dma, sd->regs + 0x40);

	while (!(readl(sd->regs + 0x48) & BIT(0))) {
		sts_for_cpu(sd, dma);
		up = sts[0] & STS_LINK_UP;
		if (up != sd->link) {
			sd->link = up;
			sts_link_changed(sd, up);
		}
		sts_for_device(sd, dma);
		writel(1, sd->regs + 0x4c);
		usleep_range(1000, 2000);
	}
	writel(0, sd->regs + 0x4c);
	dma_unmap_single(sd->dev, dma, STS_LEN, DMA_FROM_DEVICE);
	return 0;
}
