/* dma-mask-not-set-or-late: before narrowing its own mask, a camera interface allocates a bounce buffer for the DMA controller's device (chan->device->dev), which has masks of its own. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>

#define CIF_BOUNCE	(256 * 1024)

struct cif {
	struct device *dev;
	void __iomem *regs;
	struct dma_chan *chan;
	void *bounce;
	dma_addr_t bounce_dma;
};

static int cif_probe(struct platform_device *pdev)
{
	struct cif *cif;
	struct device *dmadev;
	int ret;

	cif = devm_kzalloc(&pdev->dev, sizeof(*cif), GFP_KERNEL);
	if (!cif)
		return -ENOMEM;
	cif->dev = &pdev->dev;
	cif->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(cif->regs))
		return PTR_ERR(cif->regs);

	cif->chan = dma_request_chan(&pdev->dev, "rx");
	if (IS_ERR(cif->chan))
		return PTR_ERR(cif->chan);
	dmadev = cif->chan->device->dev;
	cif->bounce = dmam_alloc_coherent(dmadev, CIF_BOUNCE, &cif->bounce_dma, GFP_KERNEL);
	if (!cif->bounce) {
		ret = -ENOMEM;
		goto err_chan;
	}

	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(28));
	if (ret)
		goto err_chan;

	platform_set_drvdata(pdev, cif);
	return 0;

err_chan:
	dma_release_channel(cif->chan);
	return ret;
}

static struct platform_driver cif_driver = {
	.probe = cif_probe,
	.driver = { .name = "cif" },
};
