/* dmac-free-mismatch-or-leak: managed memory from dmam_alloc_coherent() is freed by hand with dma_free_coherent(); devres frees it again at unbind. */
#include <linux/dma-mapping.h>
#include <linux/platform_device.h>

#define SPI_DMA_BOUNCE_SIZE	SZ_4K
#define SPI_REG_RX_ADDR		0x30
#define SPI_REG_TX_ADDR		0x34

struct qspi_priv {
	struct device *dev;
	void __iomem *base;
	void *bounce;
	dma_addr_t bounce_dma;
};

static int qspi_init_dma(struct platform_device *pdev, struct qspi_priv *qp)
{
	dma_addr_t bounce_dma;
	void *bounce;
	int ret;

	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (ret)
		return ret;

	bounce = dmam_alloc_coherent(&pdev->dev, SPI_DMA_BOUNCE_SIZE, &bounce_dma, GFP_KERNEL);
	if (!bounce)
		return -ENOMEM;

	/* the controller only decodes a 28-bit bus address */
	if (bounce_dma + SPI_DMA_BOUNCE_SIZE > SZ_256M) {
		dev_info(&pdev->dev, "bounce buffer above 256M, using PIO\n");
		dma_free_coherent(&pdev->dev, SPI_DMA_BOUNCE_SIZE, bounce, bounce_dma); /* expect-warning dmac-free-mismatch-or-leak */
		return 0;
	}

	writel(lower_32_bits(bounce_dma), qp->base + SPI_REG_RX_ADDR);
	writel(lower_32_bits(bounce_dma), qp->base + SPI_REG_TX_ADDR);
	qp->bounce = bounce;
	qp->bounce_dma = bounce_dma;
	return 0;
}
