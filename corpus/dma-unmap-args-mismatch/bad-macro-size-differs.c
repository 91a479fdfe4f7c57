/* dma-unmap-args-mismatch: the header buffer is mapped with HDR_MAP_LEN and unmapped with HDR_LEN on the error path. */
#include <linux/dma-mapping.h>

#define HDR_LEN		128
#define HDR_MAP_LEN	256
#define HSX_HDR_ADDR	0x00
#define HSX_DATA_ADDR	0x08
#define HSX_GO		0x10

struct hsx_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static int hsx_send(struct hsx_dev *hd, void *hdr, void *data, size_t dlen)
{
	dma_addr_t hdr_dma, data_dma;
	int ret = 0;

	hdr_dma = dma_map_single(hd->dev, hdr, HDR_MAP_LEN, DMA_TO_DEVICE);
	if (dma_mapping_error(hd->dev, hdr_dma))
		return -ENOMEM;

	data_dma = dma_map_single(hd->dev, data, dlen, DMA_TO_DEVICE);
	if (dma_mapping_error(hd->dev, data_dma)) {
		dma_unmap_single(hd->dev, hdr_dma, HDR_LEN, DMA_TO_DEVICE); /* expect-warning dma-unmap-args-mismatch */
		return -ENOMEM;
	}

	reinit_completion(&hd->done);
	lo_hi_writeq(hdr_dma, hd->regs + HSX_HDR_ADDR);
	lo_hi_writeq(data_dma, hd->regs + HSX_DATA_ADDR);
	writel(1, hd->regs + HSX_GO);
	if (!wait_for_completion_timeout(&hd->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(hd->dev, data_dma, dlen, DMA_TO_DEVICE);
	dma_unmap_single(hd->dev, hdr_dma, HDR_MAP_LEN, DMA_TO_DEVICE);
	return ret;
}
