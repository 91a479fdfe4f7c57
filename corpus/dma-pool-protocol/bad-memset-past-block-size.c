/* dma-pool-protocol: the pool's blocks are 64 bytes but the command builder clears 128 bytes of one. */
#include <linux/dmapool.h>
#include <linux/string.h>

struct cb_host {
	struct device *dev;
	struct dma_pool *cmd_pool;
	void *cur_cmd;
	dma_addr_t cur_cmd_dma;
};

static int cb_init(struct cb_host *h)
{
	h->cmd_pool = dma_pool_create("cb-cmd", h->dev, 64, 64, 0);
	if (!h->cmd_pool)
		return -ENOMEM;
	return 0;
}

static int cb_build_cmd(struct cb_host *h, u8 opcode)
{
	u8 *cmd;
	dma_addr_t cmd_dma;

	cmd = dma_pool_alloc(h->cmd_pool, GFP_KERNEL, &cmd_dma);
	if (!cmd)
		return -ENOMEM;
	memset(cmd, 0, 128); /* expect-warning dma-pool-protocol */
	cmd[0] = opcode;
	h->cur_cmd = cmd;
	h->cur_cmd_dma = cmd_dma;
	return 0;
}
