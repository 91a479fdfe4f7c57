/* dma-map-error-unchecked: the negative errno of dma_map_sgtable() is ignored before the table is programmed. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

#define GPUX_PTE_VALID	BIT_ULL(0)

struct gpux_vm {
	struct device *dev;
	u64 *pt;			/* page table, coherent memory */
	struct mutex lock;
};

static int gpux_bind_sgt(struct gpux_vm *vm, struct sg_table *sgt, unsigned long pfn)
{
	struct scatterlist *sg;
	int i;

	mutex_lock(&vm->lock);
	dma_map_sgtable(vm->dev, sgt, DMA_BIDIRECTIONAL, 0); /* expect-warning dma-map-error-unchecked */

	for_each_sgtable_dma_sg(sgt, sg, i) {
		dma_addr_t addr = sg_dma_address(sg);
		unsigned int len = sg_dma_len(sg);

		while (len) {
			vm->pt[pfn++] = addr | GPUX_PTE_VALID;
			addr += PAGE_SIZE;
			len -= PAGE_SIZE;
		}
	}
	dma_unmap_sgtable(vm->dev, sgt, DMA_BIDIRECTIONAL, 0);
	mutex_unlock(&vm->lock);
	return 0;
}
