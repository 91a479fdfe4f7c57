/* dma-cpu-access-while-mapped (cross-function): on a submit failure the bounce page is freed before the same-file unmap helper runs. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/scatterlist.h>

#define SEC_BLK_MAX	4096

struct sec_engine {
	struct device *dev;
	void __iomem *base;
};

struct sec_req {
	struct sec_engine *eng;
	void *bounce;
	dma_addr_t bounce_dma;
	unsigned int len;
};

static dma_addr_t sec_map_bounce(struct sec_engine *eng, void *buf, size_t len)
{
	dma_addr_t dma = dma_map_single(eng->dev, buf, len, DMA_BIDIRECTIONAL);

	return dma;
}

static void sec_unmap_bounce(struct sec_engine *eng, dma_addr_t dma, size_t len)
{
	dma_unmap_single(eng->dev, dma, len, DMA_BIDIRECTIONAL);
}

int sec_queue_desc(struct sec_engine *eng, dma_addr_t src, dma_addr_t dst, unsigned int len);

static int sec_submit_inplace(struct sec_engine *eng, struct scatterlist *sg, unsigned int len)
{
	void *bounce;
	dma_addr_t dma;
	int ret;

	if (len > SEC_BLK_MAX)
		return -EINVAL;
	bounce = kmalloc(len, GFP_ATOMIC);
	if (!bounce)
		return -ENOMEM;
	sg_copy_to_buffer(sg, sg_nents(sg), bounce, len);

	dma = sec_map_bounce(eng, bounce, len);
	if (dma_mapping_error(eng->dev, dma)) {
		kfree(bounce);
		return -ENOMEM;
	}

	ret = sec_queue_desc(eng, dma, dma, len);
	if (ret) {
		kfree(bounce); /* expect-warning dma-cpu-access-while-mapped */
		sec_unmap_bounce(eng, dma, len);
		return ret;
	}
	return 0;
}
