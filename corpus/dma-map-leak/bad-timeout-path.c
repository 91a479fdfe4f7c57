/* dma-map-leak: the timeout path of a synchronous mailbox command returns with the mapping live. */
#include <linux/completion.h>
#include <linux/dma-mapping.h>

#define MBX_REG_ADDR	0x00
#define MBX_REG_SIZE	0x08
#define MBX_REG_CMD	0x0c
#define MBX_TIMEOUT_MS	500

struct mbx_cmd {
	__le32 opcode;
	__le32 arg[7];
};

struct mbx_ctrl {
	struct device *dev;
	void __iomem *base;
	struct completion done;
	struct mutex lock;
	u32 status;
};

int mbx_exec(struct mbx_ctrl *mc, struct mbx_cmd *cmd)
{
	dma_addr_t dma;
	int ret = 0;

	mutex_lock(&mc->lock);
	reinit_completion(&mc->done);

	dma = dma_map_single(mc->dev, cmd, sizeof(*cmd), DMA_TO_DEVICE);
	if (unlikely(dma_mapping_error(mc->dev, dma))) {
		mutex_unlock(&mc->lock);
		return -ENOMEM;
	}

	lo_hi_writeq(dma, mc->base + MBX_REG_ADDR);
	writel(sizeof(*cmd), mc->base + MBX_REG_SIZE);
	writel(le32_to_cpu(cmd->opcode), mc->base + MBX_REG_CMD);

	if (!wait_for_completion_timeout(&mc->done, msecs_to_jiffies(MBX_TIMEOUT_MS))) {
		dev_err(mc->dev, "mailbox command %u timed out\n", le32_to_cpu(cmd->opcode));
		mutex_unlock(&mc->lock);
		return -ETIMEDOUT; /* expect-warning dma-map-leak */
	}

	dma_unmap_single(mc->dev, dma, sizeof(*cmd), DMA_TO_DEVICE);
	if (mc->status)
		ret = -EIO;
	mutex_unlock(&mc->lock);
	return ret;
}
