/* dma-sg-count-confusion (good): a CPU-side loop over nents builds the list before mapping; the DMA loop walks n. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>
#include <linux/mm.h>

#define BMX_MAX_SEGS	32

struct bmx_desc {
	__le64 addr;
	__le32 len;
	__le32 last;
};

struct bmx_dev {
	struct device *dev;
	void __iomem *regs;
	struct bmx_desc *desc;
	struct scatterlist sgl[BMX_MAX_SEGS];
	struct completion done;
};

static int bmx_write_pages(struct bmx_dev *bd, struct page **pages, int nents)
{
	struct scatterlist *sg;
	int n, i, ret = 0;

	sg_init_table(bd->sgl, nents);
	for_each_sg(bd->sgl, sg, nents, i)
		sg_set_page(sg, pages[i], PAGE_SIZE, 0);

	n = dma_map_sg(bd->dev, bd->sgl, nents, DMA_TO_DEVICE);
	if (unlikely(!n))
		return -ENOMEM;

	for_each_sg(bd->sgl, sg, n, i) {
		bd->desc[i].addr = cpu_to_le64(sg_dma_address(sg));
		bd->desc[i].len = cpu_to_le32(sg_dma_len(sg));
		bd->desc[i].last = cpu_to_le32(i == n - 1);
	}

	reinit_completion(&bd->done);
	writel(n, bd->regs);
	if (!wait_for_completion_timeout(&bd->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_sg(bd->dev, bd->sgl, nents, DMA_TO_DEVICE);
	return ret;
}
