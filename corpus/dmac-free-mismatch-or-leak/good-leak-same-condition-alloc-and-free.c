/* dmac-free-mismatch-or-leak (good): an optional statistics block is allocated and freed under the same unchanged condition; a block whose address is kept in a descriptor chain is handed over. */
#include <linux/dma-mapping.h>

#define OS_STATS_BYTES		512
#define OS_REG_STATS		0x60

struct os_dev {
	struct device *dev;
	void __iomem *regs;
	bool has_stats;
	__le64 *chain;
};

int os_run_selftest(struct os_dev *od);

static int os_selftest(struct os_dev *od)
{
	void *stats = NULL;
	dma_addr_t stats_dma = 0;
	int ret;

	if (od->has_stats) {
		stats = dma_alloc_coherent(od->dev, OS_STATS_BYTES, &stats_dma, GFP_KERNEL);
		if (!stats)
			return -ENOMEM;
		lo_hi_writeq(stats_dma, od->regs + OS_REG_STATS);
	}

	ret = os_run_selftest(od);

	if (od->has_stats) {
		lo_hi_writeq(0, od->regs + OS_REG_STATS);
		dma_free_coherent(od->dev, OS_STATS_BYTES, stats, stats_dma);
	}
	return ret;
}

static int os_chain_block(struct os_dev *od)
{
	void *blk;
	dma_addr_t blk_dma;

	blk = dma_alloc_coherent(od->dev, OS_STATS_BYTES, &blk_dma, GFP_KERNEL);
	if (!blk)
		return -ENOMEM;
	od->chain[0] = cpu_to_le64(blk_dma);
	return 0;
}
