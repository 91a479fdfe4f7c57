/* dma-mask-literal-width: the mask comes from same-file macros that are themselves DMA_BIT_MASK(n) (mvpp2/ipu3 style), one of them chosen by an #ifdef. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>

#define PP2_DESC_DMA_MASK	DMA_BIT_MASK(40)
#ifdef CONFIG_ARCH_DMA_ADDR_T_64BIT
#define PP2_BM_DMA_MASK		DMA_BIT_MASK(40)
#else
#define PP2_BM_DMA_MASK		DMA_BIT_MASK(32)
#endif

struct pp2 {
	struct device *dev;
	void __iomem *base;
	int hw_version;
};

static int pp2_probe(struct platform_device *pdev)
{
	struct pp2 *priv;
	int err;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = &pdev->dev;
	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);

	if (priv->hw_version >= 2) {
		err = dma_set_mask(&pdev->dev, PP2_DESC_DMA_MASK);
		if (err)
			return err;
		/* Sadly, the BM pools all share the same register to
		 * store the high 32 bits of their address.
		 */
		err = dma_set_coherent_mask(&pdev->dev, DMA_BIT_MASK(32));
		if (err)
			return err;
	} else {
		err = dma_set_mask_and_coherent(&pdev->dev, PP2_BM_DMA_MASK);
		if (err)
			return err;
	}
	platform_set_drvdata(pdev, priv);
	return 0;
}

static struct platform_driver pp2_driver = {
	.probe = pp2_probe,
	.driver = { .name = "pp2" },
};
