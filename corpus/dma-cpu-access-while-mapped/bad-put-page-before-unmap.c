/* dma-cpu-access-while-mapped: a one-shot page read drops its page reference before unmapping it. */
#include <linux/dma-mapping.h>
#include <linux/mm.h>

#define OTP_DMA_ADDR	0x10
#define OTP_DMA_SIZE	0x18
#define OTP_DMA_CTRL	0x1c

struct otp_ctrl {
	struct device *dev;
	void __iomem *base;
	struct completion done;
	u32 crc;
};

static int otp_read_page(struct otp_ctrl *oc, struct page *page)
{
	dma_addr_t dma;
	long left;

	get_page(page);
	dma = dma_map_page(oc->dev, page, 0, PAGE_SIZE, DMA_FROM_DEVICE);
	if (dma_mapping_error(oc->dev, dma)) {
		put_page(page);
		return -ENOMEM;
	}

	reinit_completion(&oc->done);
	lo_hi_writeq(dma, oc->base + OTP_DMA_ADDR);
	writel(PAGE_SIZE, oc->base + OTP_DMA_SIZE);
	writel(1, oc->base + OTP_DMA_CTRL);
	left = wait_for_completion_timeout(&oc->done, HZ);

	put_page(page); /* expect-warning dma-cpu-access-while-mapped */
	dma_unmap_page(oc->dev, dma, PAGE_SIZE, DMA_FROM_DEVICE);
	return left ? 0 : -ETIMEDOUT;
}
