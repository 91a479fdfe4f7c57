/* dmac-free-mismatch-or-leak: an oversized command falls back to dma_alloc_coherent() but is returned with dma_pool_free(). */
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>

#define HBA_CMD_POOL_MAX	512
#define HBA_REG_CMD_LO		0x40
#define HBA_REG_CMD_HI		0x44

struct hba {
	struct device *dev;
	struct dma_pool *cmd_pool;
	void __iomem *regs;
	struct completion done;
};

static int hba_issue_large_cmd(struct hba *hba, const void *cdb, size_t len)
{
	dma_addr_t cmd_dma;
	void *cmd;
	int ret = 0;

	if (WARN_ON(len <= HBA_CMD_POOL_MAX))
		return -EINVAL;

	cmd = dma_alloc_coherent(hba->dev, len, &cmd_dma, GFP_KERNEL);
	if (!cmd)
		return -ENOMEM;
	memcpy(cmd, cdb, len);

	reinit_completion(&hba->done);
	writel(lower_32_bits(cmd_dma), hba->regs + HBA_REG_CMD_LO);
	writel(upper_32_bits(cmd_dma), hba->regs + HBA_REG_CMD_HI);

	if (!wait_for_completion_timeout(&hba->done, msecs_to_jiffies(3000)))
		ret = -ETIMEDOUT;

	dma_pool_free(hba->cmd_pool, cmd, cmd_dma); /* expect-warning dmac-free-mismatch-or-leak */
	return ret;
}
