/* dma-map-non-linear-memory (good): a kvzalloc'ed table is mapped with dma_map_single() only after is_vmalloc_addr() ruled out vmalloc memory. */
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
	size_t len = array_size(nent, sizeof(u64));
	dma_addr_t h;
	u64 *tbl;
	int ret = 0;

	tbl = kvzalloc(len, GFP_KERNEL);
	if (!tbl)
		return -ENOMEM;
	if (is_vmalloc_addr(tbl)) {
		/* too big for one linear chunk: this engine cannot take an sg list */
		ret = -E2BIG;
		goto out_free;
	}

	h = dma_map_single(hd->dev, tbl, len, DMA_TO_DEVICE);
	if (dma_mapping_error(hd->dev, h)) {
		ret = -ENOMEM;
		goto out_free;
	}

	reinit_completion(&hd->loaded);
	lo_hi_writeq(h, hd->base + HTAB_REG_ADDR);
	writel(len, hd->base + HTAB_REG_LEN);
	writel(1, hd->base + HTAB_REG_LOAD);
	if (!wait_for_completion_timeout(&hd->loaded, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(hd->dev, h, len, DMA_TO_DEVICE);
out_free:
	kvfree(tbl);
	return ret;
}
