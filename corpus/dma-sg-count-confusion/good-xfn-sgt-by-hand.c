/* dma-sg-count-confusion (good, cross-function): a DRM-style importer maps its sg_table by hand: sgt->nents gets dma_map_sg()'s tested count, the page-table writer in another function walks sgt->nents, and the release path unmaps sgt->orig_nents entries. */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>

struct gpux_bo {
	struct sg_table *sgt;
	u64 *ptes;
	unsigned int npages;
	enum dma_data_direction dir;
};

struct gpux_dev {
	struct device *dev;
	void __iomem *mmu;
};

static int gpux_bo_map(struct gpux_dev *gdev, struct gpux_bo *bo, struct sg_table *sgt)
{
	int n;

	n = dma_map_sg(gdev->dev, sgt->sgl, sgt->orig_nents, bo->dir);
	if (n <= 0)
		return -ENOMEM;
	sgt->nents = n;
	bo->sgt = sgt;
	return 0;
}

static void gpux_bo_write_ptes(struct gpux_dev *gdev, struct gpux_bo *bo)
{
	struct sg_table *sgt = bo->sgt;
	struct scatterlist *sg;
	unsigned int p = 0;
	int i;

	for_each_sg(sgt->sgl, sg, sgt->nents, i) {
		dma_addr_t addr = sg_dma_address(sg);
		unsigned int len = sg_dma_len(sg);

		for (; len && p < bo->npages; len -= PAGE_SIZE, addr += PAGE_SIZE)
			bo->ptes[p++] = addr | 1;
	}
	writel(1, gdev->mmu + 0x10);
}

static void gpux_bo_unmap(struct gpux_dev *gdev, struct gpux_bo *bo)
{
	struct sg_table *sgt = bo->sgt;

	dma_unmap_sg(gdev->dev, sgt->sgl, sgt->orig_nents, bo->dir);
	bo->sgt = NULL;
}

int gpux_bo_pin(struct gpux_dev *gdev, struct gpux_bo *bo, struct sg_table *sgt)
{
	int ret = gpux_bo_map(gdev, bo, sgt);

	if (ret)
		return ret;
	gpux_bo_write_ptes(gdev, bo);
	return 0;
}

void gpux_bo_unpin(struct gpux_dev *gdev, struct gpux_bo *bo)
{
	writel(0, gdev->mmu + 0x10);
	gpux_bo_unmap(gdev, bo);
}
