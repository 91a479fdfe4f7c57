/* dma-mask-not-set-or-late: a platform device that addresses 32 bits needs no mask call: the bus default (of_dma_configure / platform_device_alloc) is 32 bits, so allocating without one is fine. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>

#define CRYP_RING_BYTES	4096

struct cryp {
	struct device *dev;
	void __iomem *base;
	void *ring;
	dma_addr_t ring_dma;
	struct dma_pool *ctx_pool;
};

static int cryp_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct cryp *c;

	c = devm_kzalloc(dev, sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	c->dev = dev;
	c->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(c->base))
		return PTR_ERR(c->base);

	c->ring = dmam_alloc_coherent(dev, CRYP_RING_BYTES, &c->ring_dma, GFP_KERNEL);
	if (!c->ring)
		return -ENOMEM;
	c->ctx_pool = dmam_pool_create("cryp_ctx", dev, 256, 16, 0);
	if (!c->ctx_pool)
		return -ENOMEM;

	writel(lower_32_bits(c->ring_dma), c->base + 0x10);
	platform_set_drvdata(pdev, c);
	return 0;
}

static struct platform_driver cryp_driver = {
	.probe = cryp_probe,
	.driver = { .name = "cryp" },
};
