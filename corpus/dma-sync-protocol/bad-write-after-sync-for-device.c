/* dma-sync-protocol: a command field is reset after the buffer was already handed back with sync_for_device. */
#include <linux/dma-mapping.h>

#define RNG_CMD_ADDR	0x00
#define RNG_CMD_GO	0x08

struct rngx_cmd {
	__le32 op;
	__le32 len;
	__le32 flags;
	__le32 tag;
};

struct rngx {
	struct device *dev;
	void __iomem *mmio;
	struct rngx_cmd *cmd;
	dma_addr_t cmd_dma;
	struct completion done;
};

static int rngx_first_refill(struct rngx *r)
{
	struct rngx_cmd *cmd = r->cmd;
	dma_addr_t dma;
	u32 status;

	cmd->op = cpu_to_le32(1);
	cmd->len = cpu_to_le32(32);
	dma = dma_map_single(r->dev, cmd, sizeof(*cmd), DMA_BIDIRECTIONAL);
	if (dma_mapping_error(r->dev, dma))
		return -ENOMEM;
	r->cmd_dma = dma;		/* kept mapped for the following refills */

	lo_hi_writeq(dma, r->mmio + RNG_CMD_ADDR);
	writel(1, r->mmio + RNG_CMD_GO);
	if (!wait_for_completion_timeout(&r->done, HZ))
		return -ETIMEDOUT;

	dma_sync_single_for_cpu(r->dev, dma, sizeof(*cmd), DMA_BIDIRECTIONAL);
	status = le32_to_cpu(cmd->flags);
	dma_sync_single_for_device(r->dev, dma, sizeof(*cmd), DMA_BIDIRECTIONAL);
	cmd->flags = 0; /* expect-warning dma-sync-protocol */

	return status ? -EIO : 0;
}
