/* dma-unmap-args-mismatch: the CPU pointer is cast to dma_addr_t and passed where the handle belongs. */
#include <linux/dma-mapping.h>

#define CRX_CMD_ADDR	0x00
#define CRX_CMD_GO	0x08
#define CRX_CMD_STS	0x0c

struct crx_cmd {
	__le32 op;
	__le32 key_len;
	u8 key[64];
};

struct crx_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
	dma_addr_t cmd_dma;
};

static int crx_set_key(struct crx_dev *cd, struct crx_cmd *cmd)
{
	dma_addr_t h;

	h = dma_map_single(cd->dev, cmd, sizeof(*cmd), DMA_TO_DEVICE);
	if (dma_mapping_error(cd->dev, h))
		return -ENOMEM;
	cd->cmd_dma = h;

	reinit_completion(&cd->done);
	lo_hi_writeq(h, cd->regs + CRX_CMD_ADDR);
	writel(1, cd->regs + CRX_CMD_GO);
	wait_for_completion(&cd->done);

	dma_unmap_single(cd->dev, (dma_addr_t)cmd, sizeof(*cmd), DMA_TO_DEVICE); /* expect-warning dma-unmap-args-mismatch */
	return readl(cd->regs + CRX_CMD_STS) ? -EIO : 0;
}
