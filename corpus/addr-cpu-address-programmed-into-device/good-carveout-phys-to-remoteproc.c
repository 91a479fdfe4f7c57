/* A reserved carveout's physical base (not converted from kernel memory) is given to a remote processor. */
#include <linux/io.h>

struct q6 {
	void __iomem *rmb_base;
	phys_addr_t mba_phys;
	size_t mba_size;
};

static void q6_boot_mba(struct q6 *q)
{
	writel(q->mba_phys, q->rmb_base + 0x04);
	writel(1, q->rmb_base + 0x00);
}
