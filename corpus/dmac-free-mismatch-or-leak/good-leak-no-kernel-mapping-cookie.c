/* dmac-free-mismatch-or-leak (good): a DMA_ATTR_NO_KERNEL_MAPPING carve-out keeps only its handle; the returned cookie is never needed, on any path (msm VRAM shape). */
#include <linux/dma-mapping.h>

struct vr_priv {
	struct device *dev;
	size_t vram_size;
	dma_addr_t vram_paddr;
	unsigned long vram_attrs;
};

static int vr_alloc_vram(struct vr_priv *priv, size_t size)
{
	unsigned long attrs = DMA_ATTR_NO_KERNEL_MAPPING | DMA_ATTR_WRITE_COMBINE;
	void *p;

	priv->vram_size = size;
	priv->vram_attrs = attrs;
	p = dma_alloc_attrs(priv->dev, size, &priv->vram_paddr, GFP_KERNEL, attrs);
	if (!p) {
		dev_err(priv->dev, "failed to allocate VRAM\n");
		priv->vram_paddr = 0;
		return -ENOMEM;
	}
	if (priv->vram_paddr & (SZ_1M - 1))
		dev_warn(priv->dev, "VRAM is not 1 MiB aligned\n");
	return 0;
}
