/* dmac-cpuaddr-treated-as-linear: hardware descriptors from a dma_pool are chained with virt_to_phys() of the next block instead of its handle. */
#include <linux/dmapool.h>
#include <linux/dma-mapping.h>

#define XDMA_CTRL_LAST		BIT(31)

struct xdma_hw_desc {
	__le64 src;
	__le64 dst;
	__le32 len;
	__le32 ctrl;
	__le64 next;
};

struct xdma_chan {
	struct device *dev;
	struct dma_pool *pool;
	struct xdma_hw_desc *head;
	dma_addr_t head_dma;
};

static int xdma_prep_pair(struct xdma_chan *xc, dma_addr_t src, dma_addr_t dst, u32 len)
{
	struct xdma_hw_desc *d0, *d1;
	dma_addr_t d0_dma, d1_dma;

	d0 = dma_pool_zalloc(xc->pool, GFP_NOWAIT, &d0_dma);
	if (!d0)
		return -ENOMEM;
	d1 = dma_pool_zalloc(xc->pool, GFP_NOWAIT, &d1_dma);
	if (!d1) {
		dma_pool_free(xc->pool, d0, d0_dma);
		return -ENOMEM;
	}

	d0->src = cpu_to_le64(src);
	d0->dst = cpu_to_le64(dst);
	d0->len = cpu_to_le32(len / 2);
	d0->next = cpu_to_le64(virt_to_phys(d1)); /* expect-warning dmac-cpuaddr-treated-as-linear */ /* expect-warning addr-cpu-address-programmed-into-device */
	d1->src = cpu_to_le64(src + len / 2);
	d1->dst = cpu_to_le64(dst + len / 2);
	d1->len = cpu_to_le32(len - len / 2);
	d1->ctrl = cpu_to_le32(XDMA_CTRL_LAST);

	xc->head = d0;
	xc->head_dma = d0_dma;
	return 0;
}
