/* dma-mask-literal-width: literal all-ones values that are not mask arguments: register masks, lower/upper halves of a handle, and a platform_device_info .dma_mask initializer written with DMA_BIT_MASK(). */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>

#define RING_ADDR_LO	0x10
#define RING_ADDR_HI	0x14
#define IRQ_MASK_ALL	0xffffffff

struct bridge {
	struct device *dev;
	void __iomem *base;
	void *ring;
	dma_addr_t ring_dma;
	struct platform_device *child;
};

static int bridge_probe(struct platform_device *pdev)
{
	struct platform_device_info info = {
		.parent = &pdev->dev,
		.name = "bridge-child",
		.dma_mask = DMA_BIT_MASK(32),
	};
	struct bridge *br;
	int ret;

	br = devm_kzalloc(&pdev->dev, sizeof(*br), GFP_KERNEL);
	if (!br)
		return -ENOMEM;
	br->dev = &pdev->dev;
	br->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(br->base))
		return PTR_ERR(br->base);

	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (ret)
		return ret;

	br->ring = dmam_alloc_coherent(&pdev->dev, 4096, &br->ring_dma, GFP_KERNEL);
	if (!br->ring)
		return -ENOMEM;
	writel(lower_32_bits(br->ring_dma), br->base + RING_ADDR_LO);
	writel(upper_32_bits(br->ring_dma), br->base + RING_ADDR_HI);
	writel(IRQ_MASK_ALL, br->base + 0x20);

	br->child = platform_device_register_full(&info);
	if (IS_ERR(br->child))
		return PTR_ERR(br->child);
	platform_set_drvdata(pdev, br);
	return 0;
}

static struct platform_driver bridge_driver = {
	.probe = bridge_probe,
	.driver = { .name = "bridge" },
};
