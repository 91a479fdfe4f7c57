/* dma-dir-usage-mismatch: an EEPROM dump page is allocated, mapped TO_DEVICE and then read by the CPU. */
#include <linux/dma-mapping.h>
#include <linux/gfp.h>
#include <linux/crc32.h>

#define EEP_DUMP_ADDR	0x00
#define EEP_DUMP_GO	0x08
#define EEP_DUMP_STS	0x0c

struct eepx {
	struct device *dev;
	void __iomem *regs;
	u32 crc;
};

static int eepx_dump(struct eepx *e)
{
	dma_addr_t dma;
	u8 *page;
	u32 sts;
	int ret;

	page = (u8 *)__get_free_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;

	dma = dma_map_single(e->dev, page, PAGE_SIZE, DMA_TO_DEVICE); /* expect-warning dma-dir-usage-mismatch */
	if (dma_mapping_error(e->dev, dma)) {
		free_page((unsigned long)page);
		return -ENOMEM;
	}

	lo_hi_writeq(dma, e->regs + EEP_DUMP_ADDR);
	writel(1, e->regs + EEP_DUMP_GO);
	ret = readl_poll_timeout(e->regs + EEP_DUMP_STS, sts, sts & 1, 100, 100000);
	dma_unmap_single(e->dev, dma, PAGE_SIZE, DMA_TO_DEVICE);

	if (!ret)
		e->crc = crc32_le(~0, page, PAGE_SIZE) ^ page[0];
	free_page((unsigned long)page);
	return ret;
}
