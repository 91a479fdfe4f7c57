/* dma-alloc-context-gfp: a refill helper allocates a command block with GFP_KERNEL and is called with the queue spinlock held. */
#include <linux/dma-mapping.h>
#include <linux/spinlock.h>

#define SQ_CMD_BYTES		64

struct sq_cmd {
	void *cpu;
	dma_addr_t dma;
	struct list_head node;
};

struct sq_queue {
	struct device *dev;
	spinlock_t lock;
	struct list_head free_cmds;
	unsigned int nr_free;
};

static int sq_add_cmd(struct sq_queue *q, struct sq_cmd *cmd)
{
	cmd->cpu = dma_alloc_coherent(q->dev, SQ_CMD_BYTES, &cmd->dma, GFP_KERNEL); /* expect-warning dma-alloc-context-gfp */
	if (!cmd->cpu)
		return -ENOMEM;
	list_add_tail(&cmd->node, &q->free_cmds);
	q->nr_free++;
	return 0;
}

static int sq_grow(struct sq_queue *q, struct sq_cmd *cmds, unsigned int n)
{
	unsigned int i;
	int ret = 0;

	spin_lock_bh(&q->lock);
	for (i = 0; i < n && !ret; i++)
		ret = sq_add_cmd(q, &cmds[i]);
	spin_unlock_bh(&q->lock);
	return ret;
}
