/* dma-sg-count-confusion (good): dma_map_sgtable() + for_each_sgtable_dma_sg() + dma_unmap_sgtable() remove the ambiguity. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

#define GMX_PTE_VALID	BIT_ULL(0)

struct gmx_mmu {
	struct device *dev;
	u64 *pt;
};

struct gmx_bo {
	struct sg_table *sgt;
	unsigned long first_pte;
};

static int gmx_bind(struct gmx_mmu *mmu, struct gmx_bo *bo, struct sg_table *sgt)
{
	struct scatterlist *sg;
	unsigned long idx = bo->first_pte;
	int ret, i;

	ret = dma_map_sgtable(mmu->dev, sgt, DMA_BIDIRECTIONAL, 0);
	if (ret)
		return ret;

	for_each_sgtable_dma_sg(sgt, sg, i) {
		dma_addr_t addr = sg_dma_address(sg);
		unsigned int len = sg_dma_len(sg);

		for (; len; len -= PAGE_SIZE, addr += PAGE_SIZE)
			mmu->pt[idx++] = addr | GMX_PTE_VALID;
	}

	bo->sgt = sgt;
	return 0;
}

static void gmx_unbind(struct gmx_mmu *mmu, struct gmx_bo *bo)
{
	dma_unmap_sgtable(mmu->dev, bo->sgt, DMA_BIDIRECTIONAL, 0);
	bo->sgt = NULL;
}
