/* addr-linear-only-conversion: the physical FIFO address for a dmaengine slave config is computed with virt_to_phys() of the ioremap() cookie. */
#include <linux/platform_device.h>
#include <linux/dmaengine.h>
#include <linux/io.h>

#define SPDIF_TXFIFO		0x20
#define SPDIF_CTRL		0x00
#define SPDIF_CTRL_DMA_EN	BIT(4)

struct spdif_tx {
	struct device *dev;
	void __iomem *base;
	struct dma_chan *chan;
};

static int spdif_tx_probe(struct platform_device *pdev)
{
	struct dma_slave_config cfg = { };
	struct spdif_tx *st;
	void __iomem *base;

	st = devm_kzalloc(&pdev->dev, sizeof(*st), GFP_KERNEL);
	if (!st)
		return -ENOMEM;
	st->dev = &pdev->dev;

	base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(base))
		return PTR_ERR(base);
	st->base = base;

	st->chan = devm_dma_request_chan(&pdev->dev, "tx");
	if (IS_ERR(st->chan))
		return PTR_ERR(st->chan);

	cfg.direction = DMA_MEM_TO_DEV;
	cfg.dst_addr = virt_to_phys(base) + SPDIF_TXFIFO; /* expect-warning addr-linear-only-conversion */
	cfg.dst_addr_width = DMA_SLAVE_BUSWIDTH_4_BYTES;
	cfg.dst_maxburst = 8;

	writel(SPDIF_CTRL_DMA_EN, base + SPDIF_CTRL);
	platform_set_drvdata(pdev, st);
	return dmaengine_slave_config(st->chan, &cfg);
}
