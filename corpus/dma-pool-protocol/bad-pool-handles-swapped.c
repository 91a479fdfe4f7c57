/* dma-pool-protocol: two blocks of one pool are returned with each other's DMA handle on the error path. */
#include <linux/dmapool.h>

struct lli {
	__le32 src, dst, next, ctl;
};

struct lli_chan {
	struct device *dev;
	struct dma_pool *lli_pool;
};

int lli_start(struct lli_chan *lc, dma_addr_t first);

static int lli_two_step(struct lli_chan *lc, dma_addr_t src, dma_addr_t dst)
{
	struct lli *a, *b;
	dma_addr_t a_dma, b_dma;
	int ret;

	a = dma_pool_alloc(lc->lli_pool, GFP_NOWAIT, &a_dma);
	if (!a)
		return -ENOMEM;
	b = dma_pool_alloc(lc->lli_pool, GFP_NOWAIT, &b_dma);
	if (!b) {
		dma_pool_free(lc->lli_pool, a, a_dma);
		return -ENOMEM;
	}
	a->src = cpu_to_le32(lower_32_bits(src));
	a->dst = cpu_to_le32(lower_32_bits(dst));
	a->next = cpu_to_le32(lower_32_bits(b_dma));
	b->next = 0;

	ret = lli_start(lc, a_dma);
	dma_pool_free(lc->lli_pool, b, a_dma); /* expect-warning dma-pool-protocol */
	dma_pool_free(lc->lli_pool, a, b_dma); /* expect-warning dma-pool-protocol */
	return ret;
}
