/* dma-dir-usage-mismatch (good): the CPU filled the TO_DEVICE buffer itself, so reading it back after the unmap is fine. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define TPMX_CMD_ADDR	0x10
#define TPMX_CMD_LEN	0x18
#define TPMX_CMD_GO	0x1c

struct tpmx_chip {
	struct device *dev;
	void __iomem *iobase;
	struct completion done;
	u32 last_ordinal;
};

static int tpmx_send(struct tpmx_chip *chip, const u8 *cmd, size_t len)
{
	dma_addr_t dma;
	u8 *buf;
	int ret = 0;

	buf = kmalloc(len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	memcpy(buf, cmd, len);

	dma = dma_map_single(chip->dev, buf, len, DMA_TO_DEVICE);
	if (dma_mapping_error(chip->dev, dma)) {
		ret = -ENOMEM;
		goto out;
	}

	reinit_completion(&chip->done);
	lo_hi_writeq(dma, chip->iobase + TPMX_CMD_ADDR);
	writel(len, chip->iobase + TPMX_CMD_LEN);
	writel(1, chip->iobase + TPMX_CMD_GO);
	if (!wait_for_completion_timeout(&chip->done, 2 * HZ))
		ret = -ETIME;
	dma_unmap_single(chip->dev, dma, len, DMA_TO_DEVICE);

	/* for the trace point: the ordinal the CPU wrote at offset 6 */
	chip->last_ordinal = get_unaligned_be32(buf + 6);
out:
	kfree(buf);
	return ret;
}
