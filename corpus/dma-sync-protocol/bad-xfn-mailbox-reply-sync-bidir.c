/* dma-sync-protocol (cross-function): probe maps the firmware reply buffer DMA_FROM_DEVICE once; the threaded IRQ handler syncs it for the CPU with DMA_BIDIRECTIONAL before parsing the reply. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>
#include <linux/completion.h>
#include <linux/slab.h>

#define MBX_REPLY_LEN		512
#define MBX_REG_REPLY_ADDR	0x20
#define MBX_REG_STATUS		0x28
#define MBX_REG_ACK		0x2c

struct mbx_reply {
	__le32 seq;
	__le32 status;
	u8 payload[MBX_REPLY_LEN - 8];
};

struct mbx_dev {
	struct device *dev;
	void __iomem *base;
	struct mbx_reply *reply;
	dma_addr_t reply_dma;
	struct completion done;
	u32 last_status;
};

static irqreturn_t mbx_irq_thread(int irq, void *data)
{
	struct mbx_dev *mb = data;

	if (!readl(mb->base + MBX_REG_STATUS))
		return IRQ_NONE;
	dma_sync_single_for_cpu(mb->dev, mb->reply_dma, MBX_REPLY_LEN, DMA_BIDIRECTIONAL); /* expect-warning dma-sync-protocol */
	mb->last_status = le32_to_cpu(mb->reply->status);
	dma_sync_single_for_device(mb->dev, mb->reply_dma, MBX_REPLY_LEN, DMA_FROM_DEVICE);
	writel(1, mb->base + MBX_REG_ACK);
	complete(&mb->done);
	return IRQ_HANDLED;
}

static int mbx_probe(struct platform_device *pdev)
{
	struct mbx_dev *mb;
	int irq, ret;

	mb = devm_kzalloc(&pdev->dev, sizeof(*mb), GFP_KERNEL);
	if (!mb)
		return -ENOMEM;
	mb->dev = &pdev->dev;
	init_completion(&mb->done);
	mb->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(mb->base))
		return PTR_ERR(mb->base);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;

	mb->reply = kzalloc(MBX_REPLY_LEN, GFP_KERNEL);
	if (!mb->reply)
		return -ENOMEM;
	mb->reply_dma = dma_map_single(&pdev->dev, mb->reply, MBX_REPLY_LEN, DMA_FROM_DEVICE);
	if (dma_mapping_error(&pdev->dev, mb->reply_dma)) {
		ret = -ENOMEM;
		goto err_free;
	}
	writel(lower_32_bits(mb->reply_dma), mb->base + MBX_REG_REPLY_ADDR);

	ret = devm_request_threaded_irq(&pdev->dev, irq, NULL, mbx_irq_thread, IRQF_ONESHOT,
					dev_name(&pdev->dev), mb);
	if (ret)
		goto err_unmap;
	platform_set_drvdata(pdev, mb);
	return 0;

err_unmap:
	dma_unmap_single(&pdev->dev, mb->reply_dma, MBX_REPLY_LEN, DMA_FROM_DEVICE);
err_free:
	kfree(mb->reply);
	return ret;
}

static int mbx_remove(struct platform_device *pdev)
{
	struct mbx_dev *mb = platform_get_drvdata(pdev);

	writel(0, mb->base + MBX_REG_REPLY_ADDR);
	devm_free_irq(&pdev->dev, platform_get_irq(pdev, 0), mb);
	dma_unmap_single(&pdev->dev, mb->reply_dma, MBX_REPLY_LEN, DMA_FROM_DEVICE);
	kfree(mb->reply);
	return 0;
}

static const struct of_device_id mbx_of_match[] = {
	{ .compatible = "acme,fw-mailbox" },
	{ }
};
MODULE_DEVICE_TABLE(of, mbx_of_match);

static struct platform_driver mbx_driver = {
	.probe = mbx_probe,
	.remove = mbx_remove,
	.driver = {
		.name = "acme-mbx",
		.of_match_table = mbx_of_match,
	},
};
module_platform_driver(mbx_driver);
MODULE_LICENSE("GPL");
