/* dmac-free-mismatch-or-leak (good): three steps after the allocation, each failure unwinding through a goto ladder in reverse order. */
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/platform_device.h>

#define CQ_BYTES		SZ_8K

struct cq_dev {
	struct device *dev;
	void *cq;
	dma_addr_t cq_dma;
	struct clk *clk;
	int irq;
};

irqreturn_t cq_isr(int irq, void *data);
int cq_hw_init(struct cq_dev *cd, dma_addr_t cq);

static int cq_probe(struct platform_device *pdev)
{
	struct cq_dev *cd;
	void *cq;
	dma_addr_t cq_dma;
	int ret;

	cd = devm_kzalloc(&pdev->dev, sizeof(*cd), GFP_KERNEL);
	if (!cd)
		return -ENOMEM;
	cd->dev = &pdev->dev;

	cq = dma_alloc_coherent(&pdev->dev, CQ_BYTES, &cq_dma, GFP_KERNEL);
	if (!cq)
		return -ENOMEM;

	cd->irq = platform_get_irq(pdev, 0);
	if (cd->irq < 0) {
		ret = cd->irq;
		goto err_free_cq;
	}
	ret = clk_prepare_enable(cd->clk);
	if (ret)
		goto err_free_cq;
	ret = cq_hw_init(cd, cq_dma);
	if (ret)
		goto err_clk;
	ret = request_irq(cd->irq, cq_isr, 0, "cq", cd);
	if (ret)
		goto err_clk;

	cd->cq = cq;
	cd->cq_dma = cq_dma;
	platform_set_drvdata(pdev, cd);
	return 0;

err_clk:
	clk_disable_unprepare(cd->clk);
err_free_cq:
	dma_free_coherent(&pdev->dev, CQ_BYTES, cq, cq_dma);
	return ret;
}

static struct platform_driver cq_driver = {
	.probe = cq_probe,
	.driver = { .name = "cq" },
};
