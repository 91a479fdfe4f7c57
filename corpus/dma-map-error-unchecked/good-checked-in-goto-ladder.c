/* dma-map-error-unchecked (good): each mapping is checked and failure jumps to the label that undoes the earlier ones. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define HSC_REQ_ADDR	0x00
#define HSC_SENSE_ADDR	0x08
#define HSC_DOORBELL	0x10
#define HSC_SENSE_LEN	96

struct hsc_req {
	u8 cdb[16];
	__le32 data_len;
	__le32 flags;
};

struct hsc_ctrl {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
	u8 last_sense[HSC_SENSE_LEN];
};

static int hsc_issue(struct hsc_ctrl *hc, struct hsc_req *req)
{
	dma_addr_t req_dma, sense_dma;
	u8 *sense;
	int ret;

	sense = kzalloc(HSC_SENSE_LEN, GFP_KERNEL);
	if (!sense)
		return -ENOMEM;

	req_dma = dma_map_single(hc->dev, req, sizeof(*req), DMA_TO_DEVICE);
	if (dma_mapping_error(hc->dev, req_dma)) {
		ret = -ENOMEM;
		goto out_free;
	}

	sense_dma = dma_map_single(hc->dev, sense, HSC_SENSE_LEN, DMA_FROM_DEVICE);
	if (unlikely(dma_mapping_error(hc->dev, sense_dma))) {
		ret = -ENOMEM;
		goto out_unmap_req;
	}

	reinit_completion(&hc->done);
	lo_hi_writeq(req_dma, hc->regs + HSC_REQ_ADDR);
	lo_hi_writeq(sense_dma, hc->regs + HSC_SENSE_ADDR);
	writel(1, hc->regs + HSC_DOORBELL);
	ret = wait_for_completion_timeout(&hc->done, 5 * HZ) ? 0 : -ETIMEDOUT;

	dma_unmap_single(hc->dev, sense_dma, HSC_SENSE_LEN, DMA_FROM_DEVICE);
	if (!ret)
		memcpy(hc->last_sense, sense, HSC_SENSE_LEN);
out_unmap_req:
	dma_unmap_single(hc->dev, req_dma, sizeof(*req), DMA_TO_DEVICE);
out_free:
	kfree(sense);
	return ret;
}
