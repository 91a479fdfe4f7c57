/* dma-pool-protocol: remove() destroys the descriptor pool and then returns the last descriptor to it (the catalogue's example). */
#include <linux/dmapool.h>
#include <linux/platform_device.h>

struct ld_desc {
	__le32 ctrl;
	__le32 next;
	__le64 buf;
};

struct ld_dev {
	struct device *dev;
	struct dma_pool *pool;
	struct ld_desc *desc;
	dma_addr_t desc_dma;
};

static int ld_remove(struct platform_device *pdev)
{
	struct ld_dev *d = platform_get_drvdata(pdev);

	dma_pool_destroy(d->pool);
	dma_pool_free(d->pool, d->desc, d->desc_dma); /* expect-warning dma-pool-protocol */
	return 0;
}

static struct platform_driver ld_driver = {
	.remove = ld_remove,
	.driver = { .name = "ld" },
};
