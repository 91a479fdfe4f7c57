/* dmac-free-mismatch-or-leak: a scanout buffer from dma_alloc_coherent() is released with dma_free_wc() on the error path. */
#include <linux/dma-mapping.h>
#include <linux/sizes.h>

#define LCDC_REG_FB_ADDR	0x10
#define LCDC_REG_FB_STRIDE	0x14
#define LCDC_REG_CTRL		0x00
#define LCDC_CTRL_ENABLE	BIT(0)

struct lcdc_priv {
	struct device *dev;
	void __iomem *regs;
	void *fb;
	dma_addr_t fb_dma;
	size_t fb_size;
};

static int lcdc_setup_scanout(struct lcdc_priv *lp, u32 width, u32 height)
{
	size_t size = PAGE_ALIGN(width * height * 4);
	dma_addr_t fb_dma;
	void *fb;

	fb = dma_alloc_coherent(lp->dev, size, &fb_dma, GFP_KERNEL);
	if (!fb)
		return -ENOMEM;

	if (lower_32_bits(fb_dma) & (SZ_256 - 1)) {
		dev_err(lp->dev, "scanout buffer not 256-byte aligned\n");
		dma_free_wc(lp->dev, size, fb, fb_dma); /* expect-warning dmac-free-mismatch-or-leak */
		return -EINVAL;
	}

	writel(lower_32_bits(fb_dma), lp->regs + LCDC_REG_FB_ADDR);
	writel(width * 4, lp->regs + LCDC_REG_FB_STRIDE);
	writel(LCDC_CTRL_ENABLE, lp->regs + LCDC_REG_CTRL);

	lp->fb = fb;
	lp->fb_dma = fb_dma;
	lp->fb_size = size;
	return 0;
}
