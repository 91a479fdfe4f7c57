/* dmac-free-mismatch-or-leak: a kzalloc'ed, streaming-mapped log buffer is released with dma_free_coherent() instead of kfree(). */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define FWLOG_LEN		SZ_16K
#define FWLOG_REG_ADDR		0x300
#define FWLOG_REG_LEN		0x308
#define FWLOG_REG_CTRL		0x30c

struct fwlog_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion dumped;
};

static int fwlog_dump(struct fwlog_dev *fd, void (*consume)(const void *, size_t))
{
	dma_addr_t log_dma;
	void *log;
	int ret = 0;

	log = kzalloc(FWLOG_LEN, GFP_KERNEL);
	if (!log)
		return -ENOMEM;

	log_dma = dma_map_single(fd->dev, log, FWLOG_LEN, DMA_FROM_DEVICE);
	if (dma_mapping_error(fd->dev, log_dma)) {
		kfree(log);
		return -ENOMEM;
	}

	reinit_completion(&fd->dumped);
	lo_hi_writeq(log_dma, fd->regs + FWLOG_REG_ADDR);
	writel(FWLOG_LEN, fd->regs + FWLOG_REG_LEN);
	writel(1, fd->regs + FWLOG_REG_CTRL);
	if (!wait_for_completion_timeout(&fd->dumped, 2 * HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(fd->dev, log_dma, FWLOG_LEN, DMA_FROM_DEVICE);
	if (!ret)
		consume(log, FWLOG_LEN);
	dma_free_coherent(fd->dev, FWLOG_LEN, log, log_dma); /* expect-warning dmac-free-mismatch-or-leak */
	return ret;
}
