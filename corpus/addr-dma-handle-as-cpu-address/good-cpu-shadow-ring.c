/* The next descriptor is found in the CPU-side shadow array; the handle only goes to the device. */
#include <linux/dma-mapping.h>

struct rx_desc {
	__le64 next_dma;
	__le32 len;
};

struct rx_ring {
	struct rx_desc *cpu_desc;
	dma_addr_t desc_dma;
	unsigned int n;
};

static struct rx_desc *rx_next(struct rx_ring *r, unsigned int idx)
{
	return &r->cpu_desc[(idx + 1) % r->n];
}

static void rx_link(struct rx_ring *r, unsigned int idx)
{
	r->cpu_desc[idx].next_dma = cpu_to_le64(r->desc_dma + ((idx + 1) % r->n) * sizeof(struct rx_desc));
}
