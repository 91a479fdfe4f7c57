/* dma-cpu-access-while-mapped (cross-function, good): the response buffer is mapped and unmapped by same-file helpers and parsed only after the unmap helper. */
#include <linux/dma-mapping.h>
#include <linux/completion.h>
#include <linux/io.h>

#define FWC_RESP_LEN	256
#define FWC_RESP_ADDR	0x80
#define FWC_RESP_CTRL	0x88

struct fwc_resp {
	__le16 status;
	__le16 len;
	u8 data[252];
};

struct fwc_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion resp_done;
	struct fwc_resp *resp;
};

static dma_addr_t fwc_map_resp(struct fwc_dev *fd, struct fwc_resp *resp)
{
	dma_addr_t dma;

	dma = dma_map_single(fd->dev, resp, FWC_RESP_LEN, DMA_FROM_DEVICE);
	if (dma_mapping_error(fd->dev, dma))
		return 0;
	return dma;
}

static void fwc_unmap_resp(struct fwc_dev *fd, dma_addr_t dma)
{
	dma_unmap_single(fd->dev, dma, FWC_RESP_LEN, DMA_FROM_DEVICE);
}

int fwc_get_version(struct fwc_dev *fd, u8 *out, size_t outlen)
{
	struct fwc_resp *resp = fd->resp;
	dma_addr_t dma;
	size_t len;

	dma = fwc_map_resp(fd, resp);
	if (!dma)
		return -ENOMEM;

	reinit_completion(&fd->resp_done);
	lo_hi_writeq(dma, fd->regs + FWC_RESP_ADDR);
	writel(1, fd->regs + FWC_RESP_CTRL);
	if (!wait_for_completion_timeout(&fd->resp_done, HZ)) {
		writel(0, fd->regs + FWC_RESP_CTRL);
		fwc_unmap_resp(fd, dma);
		return -ETIMEDOUT;
	}
	fwc_unmap_resp(fd, dma);

	/* only now is the response ours */
	if (le16_to_cpu(resp->status))
		return -EIO;
	len = min_t(size_t, le16_to_cpu(resp->len), outlen);
	memcpy(out, resp->data, len);
	return len;
}
