/* addr-dma-handle-as-cpu-address: the device's little-endian next pointer, stored from a handle, is converted back with __va(). */
#include <linux/dma-mapping.h>

struct hw_desc {
	__le64 next;
	__le32 len;
	__le32 ctl;
};

struct sw_desc {
	struct hw_desc *hw;
	dma_addr_t hw_dma;
};

static void chain(struct sw_desc *a, struct sw_desc *b)
{
	a->hw->next = cpu_to_le64(b->hw_dma);
}

static struct hw_desc *follow(struct sw_desc *a)
{
	return __va(le64_to_cpu(a->hw->next));	/* expect-warning addr-dma-handle-as-cpu-address */
}
