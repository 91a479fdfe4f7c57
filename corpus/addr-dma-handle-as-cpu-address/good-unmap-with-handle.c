/* The handle goes back to the DMA API; the CPU reads the buffer it mapped. */
#include <linux/dma-mapping.h>

struct rx_slot {
	void *buf;
	dma_addr_t dma;
	size_t len;
};

static u8 rx_first_byte(struct device *dev, struct rx_slot *s)
{
	dma_unmap_single(dev, s->dma, s->len, DMA_FROM_DEVICE);
	return ((u8 *)s->buf)[0];
}
