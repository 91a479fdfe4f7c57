/* dma-pool-protocol: the firmware loader fills pool blocks without testing dma_pool_alloc() for NULL. */
#include <linux/dmapool.h>
#include <linux/firmware.h>
#include <linux/string.h>

#define FW_CHUNK		4096
#define FW_MAX_CHUNKS		32

struct fw_loader {
	struct device *dev;
	struct dma_pool *chunk_pool;
	void *virt[FW_MAX_CHUNKS];
	dma_addr_t phys[FW_MAX_CHUNKS];
	unsigned int n;
};

static int fwl_stage(struct fw_loader *fl, const struct firmware *fw)
{
	size_t off;
	u8 *chunk;
	dma_addr_t chunk_dma;

	for (off = 0; off < fw->size && fl->n < FW_MAX_CHUNKS; off += FW_CHUNK) {
		chunk = dma_pool_alloc(fl->chunk_pool, GFP_KERNEL, &chunk_dma); /* expect-warning dma-pool-protocol */
		memcpy(chunk, fw->data + off, min_t(size_t, FW_CHUNK, fw->size - off));
		fl->virt[fl->n] = chunk;
		fl->phys[fl->n] = chunk_dma;
		fl->n++;
	}
	return 0;
}
