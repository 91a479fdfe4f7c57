/* dma-sync-protocol (good, cross-function): a persistent command buffer is mapped DMA_TO_DEVICE for write commands and DMA_FROM_DEVICE for read commands by the submit path; the completion syncs it for the CPU with the direction recorded by the same command flag. */
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>
#include <linux/mutex.h>

#define NVX_CMD_BUF		4096
#define NVX_REG_CMD_ADDR	0x08
#define NVX_REG_CMD_GO		0x10

struct nvx_cmd {
	u8 opcode;
	bool is_read;
	size_t len;
};

struct nvx_dev {
	struct device *dev;
	void __iomem *regs;
	u8 *buf;			/* kmalloc'ed once in probe */
	dma_addr_t buf_dma;
	struct nvx_cmd cur;
	struct completion done;
	struct mutex lock;
};

static int nvx_submit(struct nvx_dev *nd, const struct nvx_cmd *cmd, const void *wdata)
{
	nd->cur = *cmd;
	if (cmd->is_read) {
		nd->buf_dma = dma_map_single(nd->dev, nd->buf, NVX_CMD_BUF, DMA_FROM_DEVICE);
	} else {
		memcpy(nd->buf, wdata, cmd->len);
		nd->buf_dma = dma_map_single(nd->dev, nd->buf, NVX_CMD_BUF, DMA_TO_DEVICE);
	}
	if (dma_mapping_error(nd->dev, nd->buf_dma))
		return -ENOMEM;
	writel(lower_32_bits(nd->buf_dma), nd->regs + NVX_REG_CMD_ADDR);
	writel(cmd->opcode, nd->regs + NVX_REG_CMD_GO);
	return 0;
}

static irqreturn_t nvx_irq(int irq, void *data)
{
	struct nvx_dev *nd = data;

	if (nd->cur.is_read)
		dma_sync_single_for_cpu(nd->dev, nd->buf_dma, nd->cur.len, DMA_FROM_DEVICE);
	complete(&nd->done);
	return IRQ_HANDLED;
}

static void nvx_finish(struct nvx_dev *nd, void *rdata)
{
	if (nd->cur.is_read) {
		dma_unmap_single(nd->dev, nd->buf_dma, NVX_CMD_BUF, DMA_FROM_DEVICE);
		memcpy(rdata, nd->buf, nd->cur.len);
	} else {
		dma_unmap_single(nd->dev, nd->buf_dma, NVX_CMD_BUF, DMA_TO_DEVICE);
	}
}

int nvx_exec(struct nvx_dev *nd, const struct nvx_cmd *cmd, const void *wdata, void *rdata)
{
	int ret;

	mutex_lock(&nd->lock);
	reinit_completion(&nd->done);
	ret = nvx_submit(nd, cmd, wdata);
	if (!ret) {
		if (!wait_for_completion_timeout(&nd->done, HZ))
			ret = -ETIMEDOUT;
		nvx_finish(nd, rdata);
	}
	mutex_unlock(&nd->lock);
	return ret;
}
