/* dmac-cpuaddr-treated-as-linear (good): a dma-buf exporter describes its coherent buffer with dma_get_sgtable(). */
#include <linux/dma-buf.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

#define HEAP_BUF_SIZE		SZ_2M

struct heap_buf {
	struct device *dev;
	void *vaddr;
	dma_addr_t dma;
	struct sg_table sgt;
};

static int heap_buf_init(struct heap_buf *hb)
{
	dma_addr_t dma;
	void *vaddr;
	int ret;

	vaddr = dma_alloc_coherent(hb->dev, HEAP_BUF_SIZE, &dma, GFP_KERNEL);
	if (!vaddr)
		return -ENOMEM;

	/* importers map this table for their own devices */
	ret = dma_get_sgtable(hb->dev, &hb->sgt, vaddr, dma, HEAP_BUF_SIZE);
	if (ret) {
		dma_free_coherent(hb->dev, HEAP_BUF_SIZE, vaddr, dma);
		return ret;
	}

	hb->vaddr = vaddr;
	hb->dma = dma;
	return 0;
}
