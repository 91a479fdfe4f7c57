/* A 64-bit register written with writeq() / lo_hi_writeq(). */
#include <linux/dma-mapping.h>
#include <linux/io-64-nonatomic-lo-hi.h>

struct sq {
	struct device *dev;
	void __iomem *db;
	dma_addr_t base_dma;
};

static int sq_init(struct sq *q)
{
	int ret = dma_set_mask_and_coherent(q->dev, DMA_BIT_MASK(64));

	if (ret)
		return ret;
	lo_hi_writeq(q->base_dma, q->db + 0x08);
	return 0;
}
