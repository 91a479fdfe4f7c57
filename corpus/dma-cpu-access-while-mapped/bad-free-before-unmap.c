/* dma-cpu-access-while-mapped: the error path frees the bounce buffer first and unmaps it afterwards. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define EEX_DMA_SRC	0x00
#define EEX_DMA_LEN	0x08
#define EEX_DMA_CMD	0x0c
#define EEX_DMA_STS	0x10
#define EEX_STS_ERR	BIT(3)

struct eex_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static int eex_write_block(struct eex_dev *ed, const void *data, size_t len)
{
	dma_addr_t dma;
	void *buf;
	int ret = 0;

	buf = kmemdup(data, len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	dma = dma_map_single(ed->dev, buf, len, DMA_TO_DEVICE);
	if (dma_mapping_error(ed->dev, dma)) {
		kfree(buf);
		return -ENOMEM;
	}

	reinit_completion(&ed->done);
	lo_hi_writeq(dma, ed->regs + EEX_DMA_SRC);
	writel(len, ed->regs + EEX_DMA_LEN);
	writel(1, ed->regs + EEX_DMA_CMD);

	if (!wait_for_completion_timeout(&ed->done, HZ)) {
		kfree(buf); /* expect-warning dma-cpu-access-while-mapped */
		dma_unmap_single(ed->dev, dma, len, DMA_TO_DEVICE);
		return -ETIMEDOUT;
	}

	if (readl(ed->regs + EEX_DMA_STS) & EEX_STS_ERR)
		ret = -EIO;
	dma_unmap_single(ed->dev, dma, len, DMA_TO_DEVICE);
	kfree(buf);
	return ret;
}
