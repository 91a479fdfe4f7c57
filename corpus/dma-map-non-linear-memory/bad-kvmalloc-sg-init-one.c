/* dma-map-non-linear-memory: a kvzalloc'ed table (vmalloc memory once it is large) is put in a scatterlist with sg_init_one(). */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define HTAB_REG_ADDR		0x20
#define HTAB_REG_LEN		0x28
#define HTAB_REG_LOAD		0x2c

struct htab_dev {
	struct device *dev;
	void __iomem *base;
	struct completion loaded;
};

static int htab_load(struct htab_dev *hd, unsigned int nent)
{
	struct scatterlist sg;
	size_t len = array_size(nent, sizeof(u64));
	u64 *tbl;
	int count, ret = 0;

	tbl = kvzalloc(len, GFP_KERNEL);
	if (!tbl)
		return -ENOMEM;

	sg_init_one(&sg, tbl, len); /* expect-warning dma-map-non-linear-memory */
	count = dma_map_sg(hd->dev, &sg, 1, DMA_TO_DEVICE);
	if (count == 0) {
		ret = -ENOMEM;
		goto out_free;
	}

	reinit_completion(&hd->loaded);
	lo_hi_writeq(sg_dma_address(&sg), hd->base + HTAB_REG_ADDR);
	writel(sg_dma_len(&sg), hd->base + HTAB_REG_LEN);
	writel(1, hd->base + HTAB_REG_LOAD);
	if (!wait_for_completion_timeout(&hd->loaded, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_sg(hd->dev, &sg, 1, DMA_TO_DEVICE);
out_free:
	kvfree(tbl);
	return ret;
}
