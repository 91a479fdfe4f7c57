/* dma-unmap-args-mismatch (good, cross-function): the request path maps the bounce buffer DMA_TO_DEVICE for writes and DMA_FROM_DEVICE for reads; the IRQ thread unmaps it with the direction that matches the same request flag. */
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>
#include <linux/mmc/host.h>
#include <linux/mmc/core.h>
#include <linux/scatterlist.h>

#define SDX_BOUNCE_LEN		65536
#define SDX_REG_DMA_ADDR	0x58
#define SDX_REG_BLKCNT		0x04
#define SDX_REG_CMD		0x0c
#define SDX_REG_INT		0x30
#define SDX_INT_XFER_DONE	BIT(1)

struct sdx_host {
	struct device *dev;
	struct mmc_host *mmc;
	void __iomem *base;
	struct mmc_request *mrq;
	u8 *bounce;			/* kmalloc'ed in probe */
	dma_addr_t bounce_dma;
	unsigned int bounce_len;
};

static int sdx_prepare_data(struct sdx_host *h, struct mmc_data *data)
{
	unsigned int len = data->blksz * data->blocks;

	if (len > SDX_BOUNCE_LEN)
		return -EINVAL;
	h->bounce_len = len;
	if (data->flags & MMC_DATA_WRITE) {
		sg_copy_to_buffer(data->sg, data->sg_len, h->bounce, len);
		h->bounce_dma = dma_map_single(h->dev, h->bounce, len, DMA_TO_DEVICE);
	} else {
		h->bounce_dma = dma_map_single(h->dev, h->bounce, len, DMA_FROM_DEVICE);
	}
	if (dma_mapping_error(h->dev, h->bounce_dma))
		return -ENOMEM;
	writel(lower_32_bits(h->bounce_dma), h->base + SDX_REG_DMA_ADDR);
	writel(data->blocks, h->base + SDX_REG_BLKCNT);
	return 0;
}

static void sdx_request(struct mmc_host *mmc, struct mmc_request *mrq)
{
	struct sdx_host *h = mmc_priv(mmc);

	h->mrq = mrq;
	if (mrq->data && sdx_prepare_data(h, mrq->data)) {
		mrq->cmd->error = -ENOMEM;
		h->mrq = NULL;
		mmc_request_done(mmc, mrq);
		return;
	}
	writel(mrq->cmd->opcode, h->base + SDX_REG_CMD);
}

static irqreturn_t sdx_irq_thread(int irq, void *dev_id)
{
	struct sdx_host *h = dev_id;
	struct mmc_request *mrq = h->mrq;
	struct mmc_data *data;

	if (!mrq)
		return IRQ_NONE;
	data = mrq->data;
	if (data) {
		if (data->flags & MMC_DATA_WRITE) {
			dma_unmap_single(h->dev, h->bounce_dma, h->bounce_len, DMA_TO_DEVICE);
		} else {
			dma_unmap_single(h->dev, h->bounce_dma, h->bounce_len, DMA_FROM_DEVICE);
			sg_copy_from_buffer(data->sg, data->sg_len, h->bounce, h->bounce_len);
		}
		data->bytes_xfered = h->bounce_len;
	}
	writel(SDX_INT_XFER_DONE, h->base + SDX_REG_INT);
	h->mrq = NULL;
	mmc_request_done(h->mmc, mrq);
	return IRQ_HANDLED;
}

static const struct mmc_host_ops sdx_ops = {
	.request = sdx_request,
};
