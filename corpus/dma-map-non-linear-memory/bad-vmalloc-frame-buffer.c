/* dma-map-non-linear-memory: a vzalloc'ed shadow framebuffer is pushed to the panel with dma_map_single(). */
#include <linux/vmalloc.h>
#include <linux/dma-mapping.h>

#define SPFB_REG_SRC		0x00
#define SPFB_REG_LEN		0x08
#define SPFB_REG_START		0x0c

struct spfb_par {
	struct device *dev;
	void __iomem *regs;
	struct completion flush_done;
	u32 line_length;
	u32 height;
};

static int spfb_flush_lines(struct spfb_par *par, u32 y1, u32 y2)
{
	size_t fb_size = (size_t)par->line_length * par->height;
	size_t off = (size_t)y1 * par->line_length;
	size_t len = (size_t)(y2 - y1 + 1) * par->line_length;
	u8 *shadow;
	dma_addr_t h;
	int ret = 0;

	shadow = vzalloc(fb_size);
	if (!shadow)
		return -ENOMEM;

	h = dma_map_single(par->dev, shadow + off, len, DMA_TO_DEVICE); /* expect-warning dma-map-non-linear-memory */
	if (dma_mapping_error(par->dev, h)) {
		vfree(shadow);
		return -ENOMEM;
	}

	reinit_completion(&par->flush_done);
	lo_hi_writeq(h, par->regs + SPFB_REG_SRC);
	writel(len, par->regs + SPFB_REG_LEN);
	writel(1, par->regs + SPFB_REG_START);
	if (!wait_for_completion_timeout(&par->flush_done, HZ / 10))
		ret = -ETIMEDOUT;

	dma_unmap_single(par->dev, h, len, DMA_TO_DEVICE);
	vfree(shadow);
	return ret;
}
