/* _parse: list_for_each_entry(_safe), for_each_sg, container_of, guard()/scoped locks and a platform driver; no findings. */
#include <linux/platform_device.h>
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>
#include <linux/list.h>
#include <linux/cleanup.h>

struct lsx_req {
	struct list_head node;
	struct scatterlist *sgl;
	int nents;
	int mapped;
};

struct lsx_dev {
	struct device *dev;
	void __iomem *base;
	struct list_head queue;
	spinlock_t lock;
	struct work_struct work;
};

void lsx_push(struct lsx_dev *ld, dma_addr_t addr, unsigned int len);

static int lsx_map_req(struct lsx_dev *ld, struct lsx_req *req)
{
	struct scatterlist *sg;
	int n, i;

	n = dma_map_sg(ld->dev, req->sgl, req->nents, DMA_TO_DEVICE);
	if (!n)
		return -ENOMEM;

	for_each_sg(req->sgl, sg, n, i) {
		lsx_push(ld, sg_dma_address(sg), sg_dma_len(sg));
	}
	req->mapped = n;
	dma_unmap_sg(ld->dev, req->sgl, req->nents, DMA_TO_DEVICE);
	return 0;
}

static void lsx_work(struct work_struct *work)
{
	struct lsx_dev *ld = container_of(work, struct lsx_dev, work);
	struct lsx_req *req, *tmp;
	LIST_HEAD(done);

	scoped_guard(spinlock_irqsave, &ld->lock) {
		list_splice_init(&ld->queue, &done);
	}

	list_for_each_entry_safe(req, tmp, &done, node) {
		list_del(&req->node);
		if (lsx_map_req(ld, req))
			dev_warn(ld->dev, "dropping request %p\n", req);
	}
}

static int lsx_count(struct lsx_dev *ld)
{
	struct lsx_req *req;
	int count = 0;

	guard(spinlock_irqsave)(&ld->lock);
	list_for_each_entry(req, &ld->queue, node)
		count++;
	return count;
}

static int lsx_probe(struct platform_device *pdev)
{
	struct lsx_dev *ld;

	ld = devm_kzalloc(&pdev->dev, sizeof(*ld), GFP_KERNEL);
	if (!ld)
		return -ENOMEM;
	ld->dev = &pdev->dev;
	ld->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(ld->base))
		return PTR_ERR(ld->base);
	INIT_LIST_HEAD(&ld->queue);
	spin_lock_init(&ld->lock);
	INIT_WORK(&ld->work, lsx_work);
	platform_set_drvdata(pdev, ld);
	return 0;
}

static const struct of_device_id lsx_of_match[] = {
	{ .compatible = "example,lsx-dma" },
	{ /* sentinel */ }
};
MODULE_DEVICE_TABLE(of, lsx_of_match);

static struct platform_driver lsx_driver = {
	.probe = lsx_probe,
	.driver = {
		.name = "lsx",
		.of_match_table = lsx_of_match,
	},
};
module_platform_driver(lsx_driver);
MODULE_LICENSE("GPL");
