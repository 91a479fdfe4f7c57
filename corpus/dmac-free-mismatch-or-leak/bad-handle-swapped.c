/* dmac-free-mismatch-or-leak: a copy-pasted free gives the response buffer the command buffer's DMA handle. */
#include <linux/dma-mapping.h>

#define SE_MSG_SIZE		SZ_1K
#define SE_REG_CMD_ADDR		0x10
#define SE_REG_RSP_ADDR		0x18
#define SE_REG_KICK		0x20

struct sec_engine {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static int se_exchange(struct sec_engine *se, const void *req, size_t req_len,
		       void *out, size_t out_len)
{
	dma_addr_t cmd_dma, rsp_dma;
	void *cmd, *rsp;
	int ret = 0;

	if (req_len > SE_MSG_SIZE || out_len > SE_MSG_SIZE)
		return -EINVAL;

	cmd = dma_alloc_coherent(se->dev, SE_MSG_SIZE, &cmd_dma, GFP_KERNEL);
	if (!cmd)
		return -ENOMEM;
	rsp = dma_alloc_coherent(se->dev, SE_MSG_SIZE, &rsp_dma, GFP_KERNEL);
	if (!rsp) {
		ret = -ENOMEM;
		goto free_cmd;
	}

	memcpy(cmd, req, req_len);
	reinit_completion(&se->done);
	lo_hi_writeq(cmd_dma, se->regs + SE_REG_CMD_ADDR);
	lo_hi_writeq(rsp_dma, se->regs + SE_REG_RSP_ADDR);
	writel(1, se->regs + SE_REG_KICK);

	if (wait_for_completion_timeout(&se->done, HZ))
		memcpy(out, rsp, out_len);
	else
		ret = -ETIMEDOUT;

	dma_free_coherent(se->dev, SE_MSG_SIZE, rsp, cmd_dma); /* expect-warning dmac-free-mismatch-or-leak */
free_cmd:
	dma_free_coherent(se->dev, SE_MSG_SIZE, cmd, cmd_dma);
	return ret;
}
