/* dma-pool-protocol (good): a dmam_pool_create() pool is never destroyed by hand; the blocks are returned in remove(). */
#include <linux/dmapool.h>
#include <linux/platform_device.h>

struct dm_cmd {
	__le32 op;
	__le32 arg;
};

struct dm_dev {
	struct device *dev;
	struct dma_pool *cmd_pool;
	struct dm_cmd *boot_cmd;
	dma_addr_t boot_cmd_dma;
};

static int dm_probe(struct platform_device *pdev)
{
	struct dm_dev *dm;

	dm = devm_kzalloc(&pdev->dev, sizeof(*dm), GFP_KERNEL);
	if (!dm)
		return -ENOMEM;
	dm->dev = &pdev->dev;
	dm->cmd_pool = dmam_pool_create("dm-cmd", &pdev->dev, sizeof(struct dm_cmd), 8, 0);
	if (!dm->cmd_pool)
		return -ENOMEM;
	dm->boot_cmd = dma_pool_zalloc(dm->cmd_pool, GFP_KERNEL, &dm->boot_cmd_dma);
	if (!dm->boot_cmd)
		return -ENOMEM;
	platform_set_drvdata(pdev, dm);
	return 0;
}

static int dm_remove(struct platform_device *pdev)
{
	struct dm_dev *dm = platform_get_drvdata(pdev);

	dma_pool_free(dm->cmd_pool, dm->boot_cmd, dm->boot_cmd_dma);
	return 0;
}

static struct platform_driver dm_driver = {
	.probe = dm_probe,
	.remove = dm_remove,
	.driver = { .name = "dm" },
};
