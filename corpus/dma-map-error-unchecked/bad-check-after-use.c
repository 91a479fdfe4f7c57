/* dma-map-error-unchecked: dma_mapping_error() is called, but only after the handle was programmed. */
#include <linux/dma-mapping.h>

#define SDHX_ADMA_ADDR_LO	0x58
#define SDHX_ADMA_ADDR_HI	0x5c
#define SDHX_BLK_SIZE		0x04

struct sdhx_host {
	struct device *dev;
	void __iomem *ioaddr;
	u8 *align_buffer;
	unsigned int align_buffer_sz;
	dma_addr_t align_addr;
};

static int sdhx_prepare_bounce(struct sdhx_host *host, unsigned int blksz)
{
	dma_addr_t addr;

	addr = dma_map_single(host->dev, host->align_buffer, host->align_buffer_sz, /* expect-warning dma-map-error-unchecked */
			      DMA_FROM_DEVICE);
	writel(lower_32_bits(addr), host->ioaddr + SDHX_ADMA_ADDR_LO);
	writel(upper_32_bits(addr), host->ioaddr + SDHX_ADMA_ADDR_HI);

	if (dma_mapping_error(host->dev, addr)) {
		dev_err(host->dev, "bounce buffer mapping failed\n");
		return -ENOMEM;
	}

	writel(blksz, host->ioaddr + SDHX_BLK_SIZE);
	host->align_addr = addr;
	return 0;
}
