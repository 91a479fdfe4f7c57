/* dma-set-mask-retval-inverted: masks of 32 bits or more cannot fail once the bus set up dev->dma_mask, so a DRM platform driver that ignores the result of a 40-bit or 32-bit call is not flagged. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <drm/drm_drv.h>

struct rdisp {
	struct drm_device *drm;
	void __iomem *mmio;
};

static const struct drm_driver rdisp_driver;

static int rdisp_probe(struct platform_device *pdev)
{
	struct rdisp *rd;
	struct drm_device *drm;

	/* the display engine reads framebuffers through a 40-bit AXI port */
	dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(40));
	dma_set_max_seg_size(&pdev->dev, UINT_MAX);

	rd = devm_kzalloc(&pdev->dev, sizeof(*rd), GFP_KERNEL);
	if (!rd)
		return -ENOMEM;
	rd->mmio = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(rd->mmio))
		return PTR_ERR(rd->mmio);

	drm = drm_dev_alloc(&rdisp_driver, &pdev->dev);
	if (IS_ERR(drm))
		return PTR_ERR(drm);
	rd->drm = drm;
	drm->dev_private = rd;
	platform_set_drvdata(pdev, rd);
	return drm_dev_register(drm, 0);
}

static struct platform_driver rdisp_platform_driver = {
	.probe = rdisp_probe,
	.driver = { .name = "rdisp" },
};
