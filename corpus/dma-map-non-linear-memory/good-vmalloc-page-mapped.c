/* dma-map-non-linear-memory (good): one page of a vmalloc'ed buffer is mapped through vmalloc_to_page() and dma_map_page(). */
#include <linux/vmalloc.h>
#include <linux/dma-mapping.h>

#define SPFB_REG_SRC		0x00
#define SPFB_REG_LEN		0x08
#define SPFB_REG_START		0x0c

struct spfb_par {
	struct device *dev;
	void __iomem *regs;
	struct completion flush_done;
	u8 *shadow;		/* vzalloc'ed in probe */
};

static int spfb_flush_page(struct spfb_par *par, unsigned long pgoff)
{
	u8 *vaddr = par->shadow + (pgoff << PAGE_SHIFT);
	dma_addr_t h;
	int ret = 0;

	h = dma_map_page(par->dev, vmalloc_to_page(vaddr), offset_in_page(vaddr),
			 PAGE_SIZE, DMA_TO_DEVICE);
	if (dma_mapping_error(par->dev, h))
		return -ENOMEM;

	reinit_completion(&par->flush_done);
	lo_hi_writeq(h, par->regs + SPFB_REG_SRC);
	writel(PAGE_SIZE, par->regs + SPFB_REG_LEN);
	writel(1, par->regs + SPFB_REG_START);
	if (!wait_for_completion_timeout(&par->flush_done, HZ / 10))
		ret = -ETIMEDOUT;

	dma_unmap_page(par->dev, h, PAGE_SIZE, DMA_TO_DEVICE);
	return ret;
}
