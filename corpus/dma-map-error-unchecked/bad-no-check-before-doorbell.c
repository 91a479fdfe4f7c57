/* dma-map-error-unchecked: the handle goes straight into the address register with no check at all. */
#include <linux/dma-mapping.h>
#include <linux/completion.h>

#define I2CD_DMA_ADDR	0x30
#define I2CD_DMA_LEN	0x34
#define I2CD_DMA_CTRL	0x38
#define I2CD_DMA_START	BIT(0)

struct i2cd_bus {
	struct device *dev;
	void __iomem *base;
	struct completion cmd_complete;
	int cmd_err;
};

static int i2cd_dma_write(struct i2cd_bus *bus, u8 *msg_buf, u16 len)
{
	dma_addr_t dma;
	long time_left;

	dma = dma_map_single(bus->dev, msg_buf, len, DMA_TO_DEVICE); /* expect-warning dma-map-error-unchecked */

	reinit_completion(&bus->cmd_complete);
	writel(lower_32_bits(dma), bus->base + I2CD_DMA_ADDR);
	writel(len, bus->base + I2CD_DMA_LEN);
	writel(I2CD_DMA_START, bus->base + I2CD_DMA_CTRL);

	time_left = wait_for_completion_timeout(&bus->cmd_complete, HZ);
	dma_unmap_single(bus->dev, dma, len, DMA_TO_DEVICE);

	if (!time_left)
		return -ETIMEDOUT;
	return bus->cmd_err;
}
