/* dma-map-leak (good): a chunk loop re-maps one bounce buffer and unmaps it on every path, including errors. */
#include <linux/dma-mapping.h>
#include <linux/iopoll.h>

#define FLS_CHUNK		SZ_64K
#define FLS_REG_ADDR		0x40
#define FLS_REG_LEN		0x48
#define FLS_REG_CMD		0x4c
#define FLS_REG_STS		0x50
#define FLS_STS_IDLE		BIT(0)
#define FLS_STS_FAULT		BIT(7)
#define FLS_CMD_PROGRAM		0x2

struct fls_ctrl {
	struct device *dev;
	void __iomem *regs;
	u8 *bounce;
};

static int fls_program(struct fls_ctrl *fc, const u8 *image, size_t size)
{
	size_t done = 0;
	u32 sts;
	int ret = 0;

	while (done < size) {
		size_t chunk = min_t(size_t, size - done, FLS_CHUNK);
		dma_addr_t dma;

		memcpy(fc->bounce, image + done, chunk);

		dma = dma_map_single(fc->dev, fc->bounce, chunk, DMA_TO_DEVICE);
		if (dma_mapping_error(fc->dev, dma))
			return -ENOMEM;

		lo_hi_writeq(dma, fc->regs + FLS_REG_ADDR);
		writel(chunk, fc->regs + FLS_REG_LEN);
		writel(FLS_CMD_PROGRAM, fc->regs + FLS_REG_CMD);

		ret = readl_poll_timeout(fc->regs + FLS_REG_STS, sts, sts & FLS_STS_IDLE,
					 20, 200000);
		dma_unmap_single(fc->dev, dma, chunk, DMA_TO_DEVICE);
		if (ret)
			return ret;
		if (sts & FLS_STS_FAULT)
			return -EIO;

		done += chunk;
	}
	return 0;
}
