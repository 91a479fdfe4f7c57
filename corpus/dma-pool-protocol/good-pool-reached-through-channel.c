/* dma-pool-protocol (good): the pool is reached as chan->dev->pool at the allocation and as dev->pool at the free - the same pool under two paths (ioat shape); per-element NULL tests of pool arrays count. */
#include <linux/dmapool.h>

#define IO_POOLS		4

struct io_dev;

struct io_chan {
	struct io_dev *io;
	u64 *completion;
	dma_addr_t completion_dma;
};

struct io_dev {
	struct device *dev;
	struct dma_pool *completion_pool;
	struct dma_pool *sed_pool[IO_POOLS];
};

static int io_chan_init(struct io_chan *ch)
{
	ch->completion = dma_pool_zalloc(ch->io->completion_pool, GFP_KERNEL, &ch->completion_dma);
	if (!ch->completion)
		return -ENOMEM;
	return 0;
}

static void io_chan_fini(struct io_dev *io, struct io_chan *ch)
{
	dma_pool_free(io->completion_pool, ch->completion, ch->completion_dma);
	ch->completion = NULL;
}

static int io_create_pools(struct io_dev *io)
{
	int i;

	io->completion_pool = dma_pool_create("completion", io->dev, sizeof(u64), SMP_CACHE_BYTES, SMP_CACHE_BYTES);
	if (!io->completion_pool)
		return -ENOMEM;
	for (i = 0; i < IO_POOLS; i++) {
		io->sed_pool[i] = dmam_pool_create("sed", io->dev, 64 * (i + 1), 64, 0);
		if (!io->sed_pool[i])
			return -ENOMEM;
	}
	return 0;
}
