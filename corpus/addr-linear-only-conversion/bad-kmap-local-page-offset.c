/* addr-linear-only-conversion: a crypto engine is given virt_to_phys() of a kmap_local_page() address plus an offset. */
#include <linux/highmem.h>
#include <linux/io.h>

#define XTS_REG_SRC_LO		0x00
#define XTS_REG_SRC_HI		0x04
#define XTS_REG_LEN		0x08
#define XTS_REG_GO		0x0c

struct xts_engine {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static int xts_crypt_page(struct xts_engine *xe, struct page *page,
			  unsigned int off, unsigned int len)
{
	phys_addr_t src;
	void *vaddr;
	int ret = 0;

	vaddr = kmap_local_page(page);
	src = virt_to_phys(vaddr + off); /* expect-warning addr-linear-only-conversion */

	reinit_completion(&xe->done);
	writel(lower_32_bits(src), xe->regs + XTS_REG_SRC_LO); /* expect-warning addr-cpu-address-programmed-into-device */
	writel(upper_32_bits(src), xe->regs + XTS_REG_SRC_HI); /* expect-warning addr-cpu-address-programmed-into-device */
	writel(len, xe->regs + XTS_REG_LEN);
	writel(1, xe->regs + XTS_REG_GO);
	if (!wait_for_completion_timeout(&xe->done, HZ))
		ret = -ETIMEDOUT;

	kunmap_local(vaddr);
	return ret;
}
