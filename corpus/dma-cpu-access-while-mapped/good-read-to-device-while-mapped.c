/* dma-cpu-access-while-mapped (good): reading a TO_DEVICE buffer while it is mapped is harmless (tracing the opcode). */
#include <linux/dma-mapping.h>

#define MBX_REG_ADDR	0x00
#define MBX_REG_SIZE	0x08
#define MBX_REG_CMD	0x0c

struct mbx_cmd {
	__le32 opcode;
	__le32 arg[7];
};

struct mbx_ctrl {
	struct device *dev;
	void __iomem *base;
	struct completion done;
	u32 status;
};

int mbx_exec(struct mbx_ctrl *mc, struct mbx_cmd *cmd)
{
	u32 opcode;
	dma_addr_t dma;
	int ret;

	dma = dma_map_single(mc->dev, cmd, sizeof(*cmd), DMA_TO_DEVICE);
	if (dma_mapping_error(mc->dev, dma))
		return -ENOMEM;

	opcode = le32_to_cpu(cmd->opcode);
	dev_dbg(mc->dev, "mbx cmd %#x arg0 %#x\n", opcode, le32_to_cpu(cmd->arg[0]));

	reinit_completion(&mc->done);
	lo_hi_writeq(dma, mc->base + MBX_REG_ADDR);
	writel(sizeof(*cmd), mc->base + MBX_REG_SIZE);
	writel(opcode, mc->base + MBX_REG_CMD);

	ret = wait_for_completion_timeout(&mc->done, HZ) ? 0 : -ETIMEDOUT;
	dma_unmap_single(mc->dev, dma, sizeof(*cmd), DMA_TO_DEVICE);
	if (!ret && mc->status)
		ret = -EIO;
	return ret;
}
