/* addr-cpu-address-programmed-into-device: the catalogue's case: a kmalloc buffer's physical address is written to the DMA address register. */
#include <linux/io.h>
#include <linux/slab.h>

#define DMA_ADDR	0x20
#define DMA_LEN		0x24
#define DMA_GO		0x28

struct xfer_dev {
	void __iomem *regs;
	void *buf;
};

static int xfer_start(struct xfer_dev *xd, size_t len)
{
	xd->buf = kmalloc(len, GFP_KERNEL | GFP_DMA);
	if (!xd->buf)
		return -ENOMEM;
	writel(virt_to_phys(xd->buf), xd->regs + DMA_ADDR);	/* expect-warning addr-cpu-address-programmed-into-device */
	writel(len, xd->regs + DMA_LEN);
	writel(1, xd->regs + DMA_GO);
	return 0;
}
