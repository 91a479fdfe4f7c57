/* dmac-free-mismatch-or-leak (good): managed coherent memory from dmam_alloc_coherent() is never freed by hand, also not on error paths. */
#include <linux/dma-mapping.h>
#include <linux/platform_device.h>

#define I2S_PERIOD_BYTES	SZ_4K
#define I2S_PERIODS		4
#define I2S_BUF_BYTES		(I2S_PERIOD_BYTES * I2S_PERIODS)
#define I2S_REG_DMA_BASE	0x40
#define I2S_REG_DMA_LEN		0x44

struct i2s_priv {
	struct device *dev;
	void __iomem *base;
	void *buf;
	dma_addr_t buf_dma;
	int irq;
};

irqreturn_t i2s_irq(int irq, void *data);

static int i2s_probe(struct platform_device *pdev)
{
	struct i2s_priv *ip;
	dma_addr_t buf_dma;
	void *buf;
	int ret;

	ip = devm_kzalloc(&pdev->dev, sizeof(*ip), GFP_KERNEL);
	if (!ip)
		return -ENOMEM;
	ip->dev = &pdev->dev;

	ip->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(ip->base))
		return PTR_ERR(ip->base);

	buf = dmam_alloc_coherent(&pdev->dev, I2S_BUF_BYTES, &buf_dma, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	ip->irq = platform_get_irq(pdev, 0);
	if (ip->irq < 0)
		return ip->irq;		/* devres releases buf */

	ret = devm_request_irq(&pdev->dev, ip->irq, i2s_irq, 0, dev_name(&pdev->dev), ip);
	if (ret)
		return ret;

	writel(lower_32_bits(buf_dma), ip->base + I2S_REG_DMA_BASE);
	writel(I2S_BUF_BYTES, ip->base + I2S_REG_DMA_LEN);
	ip->buf = buf;
	ip->buf_dma = buf_dma;
	platform_set_drvdata(pdev, ip);
	return 0;
}
