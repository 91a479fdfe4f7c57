/* dma-mask-not-set-or-late: an MFD/glue probe sets the masks of the child platform device it creates (bus code, not its own device), reads its own dma_mask, and uses dma_coerce_mask_and_coherent() for itself. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/of.h>

static u64 glue_dmamask = DMA_BIT_MASK(32);

struct glue {
	struct device *dev;
	struct platform_device *musb;
};

static int glue_probe(struct platform_device *pdev)
{
	struct platform_device *musb;
	struct glue *glue;
	int ret;

	glue = devm_kzalloc(&pdev->dev, sizeof(*glue), GFP_KERNEL);
	if (!glue)
		return -ENOMEM;

	if (!pdev->dev.dma_mask)
		dev_dbg(&pdev->dev, "no DMA mask from the firmware\n");
	ret = dma_coerce_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (ret)
		return ret;

	musb = platform_device_alloc("musb-hdrc", PLATFORM_DEVID_AUTO);
	if (!musb)
		return -ENOMEM;
	musb->dev.parent = &pdev->dev;
	musb->dev.dma_mask = &glue_dmamask;
	musb->dev.coherent_dma_mask = glue_dmamask;

	glue->dev = &pdev->dev;
	glue->musb = musb;
	platform_set_drvdata(pdev, glue);

	ret = platform_device_add(musb);
	if (ret) {
		platform_device_put(musb);
		return ret;
	}
	return 0;
}

static struct platform_driver glue_driver = {
	.probe = glue_probe,
	.driver = { .name = "musb-glue" },
};
