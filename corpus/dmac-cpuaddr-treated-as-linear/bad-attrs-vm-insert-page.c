/* dmac-cpuaddr-treated-as-linear: pages of a dma_alloc_attrs() buffer are inserted into a user VMA through virt_to_page(cpu + off). */
#include <linux/mm.h>
#include <linux/dma-mapping.h>

#define ISP_STATS_SIZE		SZ_256K

struct isp_stats {
	struct device *dev;
	void *cpu;
	dma_addr_t dma;
};

static int isp_stats_alloc_and_map(struct isp_stats *st, struct vm_area_struct *vma)
{
	unsigned long uaddr = vma->vm_start, off;
	dma_addr_t dma;
	void *cpu;
	int ret;

	if (vma->vm_end - vma->vm_start != ISP_STATS_SIZE)
		return -EINVAL;

	cpu = dma_alloc_attrs(st->dev, ISP_STATS_SIZE, &dma, GFP_KERNEL, DMA_ATTR_WRITE_COMBINE);
	if (!cpu)
		return -ENOMEM;

	for (off = 0; off < ISP_STATS_SIZE; off += PAGE_SIZE) {
		ret = vm_insert_page(vma, uaddr + off, virt_to_page(cpu + off)); /* expect-warning dmac-cpuaddr-treated-as-linear */
		if (ret) {
			dma_free_attrs(st->dev, ISP_STATS_SIZE, cpu, dma, DMA_ATTR_WRITE_COMBINE);
			return ret;
		}
	}

	st->cpu = cpu;
	st->dma = dma;
	return 0;
}
