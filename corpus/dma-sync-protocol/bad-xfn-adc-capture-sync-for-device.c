/* dma-sync-protocol (cross-function): the IIO buffer postenable maps the capture block DMA_FROM_DEVICE; the block-done IRQ reads it after a correct sync_for_cpu but hands it back with dma_sync_single_for_device(..., DMA_TO_DEVICE). */
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/iio/iio.h>
#include <linux/iio/buffer.h>

#define ADX_BLOCK_SAMPLES	1024
#define ADX_BLOCK_BYTES		(ADX_BLOCK_SAMPLES * sizeof(u16))
#define ADX_REG_DMA_ADDR	0x10
#define ADX_REG_DMA_LEN		0x14
#define ADX_REG_CTRL		0x00
#define ADX_CTRL_RUN		BIT(0)
#define ADX_CTRL_REARM		BIT(4)

struct adx_state {
	struct device *dev;
	void __iomem *regs;
	u16 *block;
	dma_addr_t block_dma;
};

static int adx_buffer_postenable(struct iio_dev *indio_dev)
{
	struct adx_state *st = iio_priv(indio_dev);

	st->block = kcalloc(ADX_BLOCK_SAMPLES, sizeof(u16), GFP_KERNEL);
	if (!st->block)
		return -ENOMEM;
	st->block_dma = dma_map_single(st->dev, st->block, ADX_BLOCK_BYTES, DMA_FROM_DEVICE);
	if (dma_mapping_error(st->dev, st->block_dma)) {
		kfree(st->block);
		return -ENOMEM;
	}
	writel(lower_32_bits(st->block_dma), st->regs + ADX_REG_DMA_ADDR);
	writel(ADX_BLOCK_BYTES, st->regs + ADX_REG_DMA_LEN);
	writel(ADX_CTRL_RUN, st->regs + ADX_REG_CTRL);
	return 0;
}

static int adx_buffer_predisable(struct iio_dev *indio_dev)
{
	struct adx_state *st = iio_priv(indio_dev);

	writel(0, st->regs + ADX_REG_CTRL);
	dma_unmap_single(st->dev, st->block_dma, ADX_BLOCK_BYTES, DMA_FROM_DEVICE);
	kfree(st->block);
	st->block = NULL;
	return 0;
}

static irqreturn_t adx_block_irq(int irq, void *data)
{
	struct iio_dev *indio_dev = data;
	struct adx_state *st = iio_priv(indio_dev);
	int i;

	dma_sync_single_for_cpu(st->dev, st->block_dma, ADX_BLOCK_BYTES, DMA_FROM_DEVICE);
	for (i = 0; i < ADX_BLOCK_SAMPLES; i += 8)
		iio_push_to_buffers(indio_dev, &st->block[i]);
	dma_sync_single_for_device(st->dev, st->block_dma, ADX_BLOCK_BYTES, DMA_TO_DEVICE); /* expect-warning dma-sync-protocol */
	writel(ADX_CTRL_RUN | ADX_CTRL_REARM, st->regs + ADX_REG_CTRL);
	return IRQ_HANDLED;
}

static const struct iio_buffer_setup_ops adx_buffer_ops = {
	.postenable = adx_buffer_postenable,
	.predisable = adx_buffer_predisable,
};
