/* dmac-cpuaddr-treated-as-linear: a dma-buf exporter builds its sg table from virt_to_page() of a coherent buffer instead of dma_get_sgtable(). */
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

	ret = sg_alloc_table(&hb->sgt, 1, GFP_KERNEL);
	if (ret) {
		dma_free_coherent(hb->dev, HEAP_BUF_SIZE, vaddr, dma);
		return ret;
	}
	/* importers map this table for their own devices */
	sg_set_page(hb->sgt.sgl, virt_to_page(vaddr), HEAP_BUF_SIZE, 0); /* expect-warning dmac-cpuaddr-treated-as-linear */

	hb->vaddr = vaddr;
	hb->dma = dma;
	return 0;
}
