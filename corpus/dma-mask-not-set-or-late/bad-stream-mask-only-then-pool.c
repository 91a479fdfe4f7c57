/* dma-mask-not-set-or-late: a 28-bit USB device controller narrows only the streaming mask, then creates its descriptor pool, which allocates under the coherent mask (still the 32-bit default). */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/usb/gadget.h>

struct udc28 {
	struct device *dev;
	void __iomem *regs;
	struct dma_pool *td_pool;
	struct usb_gadget gadget;
};

static int udc28_probe(struct platform_device *pdev)
{
	struct udc28 *udc;
	int ret;

	udc = devm_kzalloc(&pdev->dev, sizeof(*udc), GFP_KERNEL);
	if (!udc)
		return -ENOMEM;
	udc->dev = &pdev->dev;
	udc->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(udc->regs))
		return PTR_ERR(udc->regs);

	ret = dma_set_mask(&pdev->dev, DMA_BIT_MASK(28));
	if (ret) {
		dev_err(&pdev->dev, "no 28-bit DMA\n");
		return ret;
	}

	udc->td_pool = dma_pool_create("udc28_td", &pdev->dev, 32, 32, 0);	/* expect-warning dma-mask-not-set-or-late */
	if (!udc->td_pool)
		return -ENOMEM;

	platform_set_drvdata(pdev, udc);
	ret = usb_add_gadget_udc(&pdev->dev, &udc->gadget);
	if (ret)
		dma_pool_destroy(udc->td_pool);
	return ret;
}

static struct platform_driver udc28_driver = {
	.probe = udc28_probe,
	.driver = { .name = "udc28" },
};
