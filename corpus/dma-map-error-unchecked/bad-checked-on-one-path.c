/* dma-map-error-unchecked: the map error is only checked when an IOMMU is present; the other path programs the handle. */
#include <linux/dma-mapping.h>
#include <linux/iommu.h>

#define AUDX_PERIOD_ADDR	0x100
#define AUDX_PERIOD_SIZE	0x108
#define AUDX_CTRL		0x10c
#define AUDX_CTRL_RUN		BIT(0)

struct audx_stream {
	struct device *dev;
	void __iomem *mmio;
	void *area;
	size_t period_bytes;
	dma_addr_t area_dma;
	bool behind_iommu;
};

static int audx_stream_start(struct audx_stream *st)
{
	dma_addr_t dma;

	dma = dma_map_single(st->dev, st->area, st->period_bytes, DMA_TO_DEVICE); /* expect-warning dma-map-error-unchecked */
	if (st->behind_iommu && dma_mapping_error(st->dev, dma))
		return -ENOMEM;

	lo_hi_writeq(dma, st->mmio + AUDX_PERIOD_ADDR);
	writel(st->period_bytes, st->mmio + AUDX_PERIOD_SIZE);
	writel(AUDX_CTRL_RUN, st->mmio + AUDX_CTRL);
	st->area_dma = dma;
	return 0;
}
