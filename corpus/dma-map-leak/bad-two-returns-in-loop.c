/* dma-map-leak: a chunked firmware download leaks the current chunk mapping on two early returns. */
#include <linux/firmware.h>
#include <linux/dma-mapping.h>
#include <linux/iopoll.h>

#define FW_CHUNK		SZ_4K
#define FW_REG_ADDR		0x20
#define FW_REG_LEN		0x28
#define FW_REG_CTRL		0x2c
#define FW_REG_STATUS		0x30
#define FW_STATUS_DONE		BIT(0)
#define FW_STATUS_ERR		BIT(1)

struct wlx_dev {
	struct device *dev;
	void __iomem *regs;
	u8 *bounce;			/* kmalloc(FW_CHUNK) at probe */
};

static int wlx_download_fw(struct wlx_dev *wd, const struct firmware *fw)
{
	size_t off;
	u32 status;
	int ret;

	for (off = 0; off < fw->size; off += FW_CHUNK) {
		size_t len = min_t(size_t, FW_CHUNK, fw->size - off);
		dma_addr_t dma;

		memcpy(wd->bounce, fw->data + off, len);
		dma = dma_map_single(wd->dev, wd->bounce, len, DMA_TO_DEVICE);
		if (dma_mapping_error(wd->dev, dma))
			return -ENOMEM;

		lo_hi_writeq(dma, wd->regs + FW_REG_ADDR);
		writel(len, wd->regs + FW_REG_LEN);
		writel(1, wd->regs + FW_REG_CTRL);

		ret = readl_poll_timeout(wd->regs + FW_REG_STATUS, status,
					 status & (FW_STATUS_DONE | FW_STATUS_ERR), 10, 100000);
		if (ret)
			return ret; /* expect-warning dma-map-leak */
		if (status & FW_STATUS_ERR)
			return -EIO; /* expect-warning dma-map-leak */

		dma_unmap_single(wd->dev, dma, len, DMA_TO_DEVICE);
	}
	return 0;
}
