/* dma-addr-truncation: scatterlist addresses packed into unsigned int table entries. */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct sge32 {
	unsigned int addr;
	unsigned int len;
};

struct hba {
	struct device *dev;
	struct sge32 *tbl;
};

static int hba_init(struct hba *h)
{
	return dma_set_mask_and_coherent(h->dev, DMA_BIT_MASK(64));
}

static void hba_fill(struct hba *h, struct scatterlist *sgl, int n)
{
	struct scatterlist *sg;
	int i;

	for_each_sg(sgl, sg, n, i) {
		h->tbl[i].addr = sg_dma_address(sg);	/* expect-warning dma-addr-truncation */
		h->tbl[i].len = sg_dma_len(sg);
	}
}
