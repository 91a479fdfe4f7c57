/* addr-dma-handle-as-cpu-address: the status block is read through its DMA address cast to a pointer. */
#include <linux/dma-mapping.h>

struct stat_blk {
	__le32 done;
	__le32 err;
};

struct nic {
	struct device *dev;
	void *stats_cpu;
	dma_addr_t stats_dma;
};

static u32 nic_tx_done(struct nic *n)
{
	struct stat_blk *sb = (struct stat_blk *)(uintptr_t)n->stats_dma;	/* expect-warning addr-dma-handle-as-cpu-address */

	return le32_to_cpu(sb->done);
}
