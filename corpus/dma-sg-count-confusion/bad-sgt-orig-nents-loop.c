/* dma-sg-count-confusion: the page table is filled by walking orig_nents CPU entries while reading DMA addresses. */
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

	for_each_sg(sgt->sgl, sg, sgt->orig_nents, i) { /* expect-warning dma-sg-count-confusion */
		dma_addr_t addr = sg_dma_address(sg);
		unsigned int len = sg_dma_len(sg);

		for (; len; len -= PAGE_SIZE, addr += PAGE_SIZE)
			mmu->pt[idx++] = addr | GMX_PTE_VALID;
	}

	bo->sgt = sgt;
	return 0;
}
