/* Platform glue of the three-file SDR capture driver: probe starts streaming into the blocks dma.c maps, remove stops it. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>
#include "sdr.h"

static int sdr_probe(struct platform_device *pdev)
{
	struct sdr_dev *sd;
	int irq, ret;

	sd = devm_kzalloc(&pdev->dev, sizeof(*sd), GFP_KERNEL);
	if (!sd)
		return -ENOMEM;
	sd->dev = &pdev->dev;
	init_waitqueue_head(&sd->wait);
	sd->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(sd->regs))
		return PTR_ERR(sd->regs);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (ret)
		return ret;
	ret = kfifo_alloc(&sd->fifo, SDR_NBLK * SDR_BLK_BYTES, GFP_KERNEL);
	if (ret)
		return ret;
	ret = devm_request_irq(&pdev->dev, irq, sdr_block_irq, 0, dev_name(&pdev->dev), sd);
	if (ret)
		goto err_fifo;
	ret = sdr_dma_start(sd);
	if (ret)
		goto err_fifo;
	platform_set_drvdata(pdev, sd);
	return 0;

err_fifo:
	kfifo_free(&sd->fifo);
	return ret;
}

static int sdr_remove(struct platform_device *pdev)
{
	struct sdr_dev *sd = platform_get_drvdata(pdev);

	sdr_dma_stop(sd);
	kfifo_free(&sd->fifo);
	return 0;
}

static const struct of_device_id sdr_of_match[] = {
	{ .compatible = "acme,sdr-capture" },
	{ }
};
MODULE_DEVICE_TABLE(of, sdr_of_match);

static struct platform_driver sdr_driver = {
	.probe = sdr_probe,
	.remove = sdr_remove,
	.driver = {
		.name = "sdr-capture",
		.of_match_table = sdr_of_match,
	},
};
module_platform_driver(sdr_driver);
MODULE_LICENSE("GPL");
