/* A "mapping error" helper that also unmaps when the address is unusable (b43 style): on success the caller still owns the mapping. */
#include <linux/dma-mapping.h>
#include <linux/skbuff.h>

struct b4_ring {
	struct device *dev;
	dma_addr_t test_dma;
	void *test_buf;
};

static bool b4_dma_mapping_error(struct b4_ring *ring, dma_addr_t addr, size_t len, bool to_device)
{
	if (dma_mapping_error(ring->dev, addr))
		return true;
	if (addr + len > DMA_BIT_MASK(30)) {
		dma_unmap_single(ring->dev, addr, len, to_device ? DMA_TO_DEVICE : DMA_FROM_DEVICE);
		return true;
	}
	return false;
}

static int b4_ring_test(struct b4_ring *ring)
{
	dma_addr_t dma = dma_map_single(ring->dev, ring->test_buf, 64, DMA_TO_DEVICE);

	if (b4_dma_mapping_error(ring, dma, 64, true))
		return -ENOMEM;
	dma_unmap_single(ring->dev, dma, 64, DMA_TO_DEVICE);
	return 0;
}
