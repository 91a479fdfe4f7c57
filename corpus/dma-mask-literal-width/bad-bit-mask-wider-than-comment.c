/* dma-mask-literal-width: DMA_BIT_MASK(32) is passed right under a comment saying the engine drives only 28-bit addresses: buffers between 256 MiB and 4 GiB reach a device that cannot address them. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>

struct mdma {
	struct dma_device ddev;
	void __iomem *base;
	int nr_channels;
};

static int mdma_probe(struct platform_device *pdev)
{
	struct mdma *m;
	int ret;

	m = devm_kzalloc(&pdev->dev, sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	m->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(m->base))
		return PTR_ERR(m->base);

	/*
	 * The descriptor fetch unit of this engine is limited to
	 * 28-bit bus addresses (the upper nibble is hardwired to 0).
	 */
	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));	/* expect-warning dma-mask-literal-width */
	if (ret)
		return ret;

	m->nr_channels = 8;
	m->ddev.dev = &pdev->dev;
	platform_set_drvdata(pdev, m);
	return dma_async_device_register(&m->ddev);
}

static struct platform_driver mdma_driver = {
	.probe = mdma_probe,
	.driver = { .name = "mdma" },
};
