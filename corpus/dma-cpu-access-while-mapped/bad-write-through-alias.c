/* dma-cpu-access-while-mapped: the buffer is patched through a local alias after it was mapped TO_DEVICE. */
#include <linux/dma-mapping.h>

#define LCD_FB_ADDR	0x20
#define LCD_FB_LEN	0x24
#define LCD_FB_FLIP	0x28
#define LCD_CURSOR_OFF	64

struct lcdc {
	struct device *dev;
	void __iomem *mmio;
	u8 *shadow;
	size_t shadow_len;
	dma_addr_t shadow_dma;
};

static int lcdc_flush_shadow(struct lcdc *lc, u8 cursor)
{
	u8 *p = lc->shadow;
	dma_addr_t dma;

	dma = dma_map_single(lc->dev, lc->shadow, lc->shadow_len, DMA_TO_DEVICE);
	if (dma_mapping_error(lc->dev, dma))
		return -ENOMEM;

	p[LCD_CURSOR_OFF] = cursor; /* expect-warning dma-cpu-access-while-mapped */

	lc->shadow_dma = dma;
	writel(lower_32_bits(dma), lc->mmio + LCD_FB_ADDR);
	writel(lc->shadow_len, lc->mmio + LCD_FB_LEN);
	writel(1, lc->mmio + LCD_FB_FLIP);
	return 0;
}
