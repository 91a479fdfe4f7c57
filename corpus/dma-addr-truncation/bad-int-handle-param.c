/* dma-addr-truncation: a helper's int parameter receives the handle; the store into it is the truncation. */
#include <linux/dma-mapping.h>

struct eng {
	struct device *dev;
	dma_addr_t scratch_dma;
	int scratch_reg;
};

static int eng_probe(struct eng *e)
{
	return dma_set_coherent_mask(e->dev, DMA_BIT_MASK(40));
}

static void eng_remember(struct eng *e)
{
	int v;

	v = e->scratch_dma;		/* expect-warning dma-addr-truncation */
	e->scratch_reg = v;
}
