/* dma-mask-literal-width: a mask narrower than what the comment says the hardware can do is a deliberate restriction (buffers may bounce, nothing is corrupted), as in sun4i's display engine. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/component.h>

static const struct component_master_ops de_master_ops;

static int de_probe(struct platform_device *pdev)
{
	struct component_match *match = NULL;
	int ret;

	/*
	 * DE2 and DE3 cores actually support 40-bit addresses, but
	 * the driver does not.
	 */
	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (ret)
		return ret;
	dma_set_max_seg_size(&pdev->dev, UINT_MAX);

	return component_master_add_with_match(&pdev->dev, &de_master_ops, match);
}

static struct platform_driver de_platform_driver = {
	.probe = de_probe,
	.driver = { .name = "de" },
};
