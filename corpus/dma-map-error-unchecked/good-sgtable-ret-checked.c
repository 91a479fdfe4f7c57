/* dma-map-error-unchecked (good): dma_map_sgtable() returns a negative errno, and "if (ret)" is the check. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

#define VPU_PTE_VALID	BIT_ULL(0)

struct vpu_mmu {
	struct device *dev;
	u64 *ptes;
};

struct vpu_bo {
	struct sg_table *mapped_sgt;
	unsigned long first_pte;
};

static int vpu_mmu_map_sgt(struct vpu_mmu *mmu, struct vpu_bo *bo, struct sg_table *sgt,
			   unsigned long first)
{
	struct scatterlist *sg;
	unsigned long idx = first;
	int ret, i;

	ret = dma_map_sgtable(mmu->dev, sgt, DMA_BIDIRECTIONAL, DMA_ATTR_SKIP_CPU_SYNC);
	if (ret)
		return ret;

	for_each_sgtable_dma_sg(sgt, sg, i) {
		dma_addr_t addr = sg_dma_address(sg);
		unsigned int len = sg_dma_len(sg);

		for (; len; len -= PAGE_SIZE, addr += PAGE_SIZE)
			mmu->ptes[idx++] = addr | VPU_PTE_VALID;
	}
	/* the BO owns the mapping now; vpu_mmu_unmap_sgt() releases it on unbind */
	bo->mapped_sgt = sgt;
	bo->first_pte = first;
	return 0;
}

static void vpu_mmu_unmap_sgt(struct vpu_mmu *mmu, struct sg_table *sgt)
{
	dma_unmap_sgtable(mmu->dev, sgt, DMA_BIDIRECTIONAL, DMA_ATTR_SKIP_CPU_SYNC);
}
