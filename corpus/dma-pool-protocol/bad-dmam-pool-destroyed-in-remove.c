/* dma-pool-protocol: the pool comes from dmam_pool_create() and remove() destroys it by hand; devres destroys it again at unbind. */
#include <linux/dmapool.h>
#include <linux/platform_device.h>

struct mp_sg {
	__le64 addr;
	__le32 len;
	__le32 last;
};

struct mp_dev {
	struct device *dev;
	struct dma_pool *sg_pool;
};

static int mp_probe(struct platform_device *pdev)
{
	struct mp_dev *md;

	md = devm_kzalloc(&pdev->dev, sizeof(*md), GFP_KERNEL);
	if (!md)
		return -ENOMEM;
	md->dev = &pdev->dev;
	md->sg_pool = dmam_pool_create("mp-sg", &pdev->dev, sizeof(struct mp_sg), 8, 0);
	if (!md->sg_pool)
		return -ENOMEM;
	platform_set_drvdata(pdev, md);
	return 0;
}

static int mp_remove(struct platform_device *pdev)
{
	struct mp_dev *md = platform_get_drvdata(pdev);

	dma_pool_destroy(md->sg_pool); /* expect-warning dma-pool-protocol */
	return 0;
}

static struct platform_driver mp_driver = {
	.probe = mp_probe,
	.remove = mp_remove,
	.driver = { .name = "mp" },
};
