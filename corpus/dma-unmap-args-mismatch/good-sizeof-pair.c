/* dma-unmap-args-mismatch (good): sizeof(*req) on both sides, on the timeout path and on the normal path. */
#include <linux/dma-mapping.h>

#define QMX_REQ_ADDR	0x00
#define QMX_REQ_GO	0x08

struct qmx_req {
	__le32 opcode;
	__le32 flags;
	__le64 iova;
	__le32 len;
	u8 pad[44];
};

struct qmx_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static int qmx_issue(struct qmx_dev *qd, struct qmx_req *req)
{
	dma_addr_t dma;

	dma = dma_map_single(qd->dev, req, sizeof(*req), DMA_TO_DEVICE);
	if (dma_mapping_error(qd->dev, dma))
		return -ENOMEM;

	reinit_completion(&qd->done);
	lo_hi_writeq(dma, qd->regs + QMX_REQ_ADDR);
	writel(1, qd->regs + QMX_REQ_GO);
	if (!wait_for_completion_timeout(&qd->done, HZ)) {
		dma_unmap_single(qd->dev, dma, sizeof(*req), DMA_TO_DEVICE);
		return -ETIMEDOUT;
	}

	dma_unmap_single(qd->dev, dma, sizeof(*req), DMA_TO_DEVICE);
	return 0;
}
