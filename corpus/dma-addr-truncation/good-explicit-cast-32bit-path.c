/* An explicit (u32) cast on a path for 32-bit descriptors is deliberate; 64-bit devices take the other branch. */
#include <linux/dma-mapping.h>

struct desc32 {
	u32 addr;
	u32 len;
};

struct desc64 {
	u64 addr;
	u32 len;
};

struct ring {
	struct device *dev;
	bool is64;
	struct desc32 *d32;
	struct desc64 *d64;
};

static int ring_probe(struct ring *r)
{
	return dma_set_mask_and_coherent(r->dev, DMA_BIT_MASK(r->is64 ? 64 : 32));
}

static void ring_set(struct ring *r, unsigned int i, dma_addr_t h, u32 len)
{
	if (r->is64) {
		r->d64[i].addr = h;
		r->d64[i].len = len;
	} else {
		r->d32[i].addr = (u32)h;
		r->d32[i].len = len;
	}
}
