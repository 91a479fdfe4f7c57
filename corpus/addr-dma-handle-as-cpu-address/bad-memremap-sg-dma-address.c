/* addr-dma-handle-as-cpu-address: a mapped scatterlist entry is memremap()ed by its bus address. */
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/scatterlist.h>

static void *peek_first_seg(struct device *dev, struct scatterlist *sgl, int nents)
{
	int n = dma_map_sg(dev, sgl, nents, DMA_FROM_DEVICE);

	if (!n)
		return NULL;
	return memremap(sg_dma_address(sgl), sg_dma_len(sgl), MEMREMAP_WB);	/* expect-warning addr-dma-handle-as-cpu-address */
}
