/* dma-dir-usage-mismatch: the CPU stamps a request header and then maps it FROM_DEVICE; the reply is never read here. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define SMX_REQ_ADDR	0x20
#define SMX_REQ_KICK	0x28
#define SMX_MAGIC	0x534d5852

struct smx_req_hdr {
	__le32 magic;
	__le32 opcode;
	__le32 len;
	__le32 rsvd;
};

struct smx_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static int smx_reset_fw(struct smx_dev *sd)
{
	struct smx_req_hdr *hdr;
	dma_addr_t dma;
	int ret = 0;

	hdr = kzalloc(sizeof(*hdr), GFP_KERNEL);
	if (!hdr)
		return -ENOMEM;
	hdr->magic = cpu_to_le32(SMX_MAGIC);
	hdr->opcode = cpu_to_le32(7);

	dma = dma_map_single(sd->dev, hdr, sizeof(*hdr), DMA_FROM_DEVICE); /* expect-warning dma-dir-usage-mismatch */
	if (dma_mapping_error(sd->dev, dma)) {
		kfree(hdr);
		return -ENOMEM;
	}

	reinit_completion(&sd->done);
	lo_hi_writeq(dma, sd->regs + SMX_REQ_ADDR);
	writel(1, sd->regs + SMX_REQ_KICK);
	if (!wait_for_completion_timeout(&sd->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(sd->dev, dma, sizeof(*hdr), DMA_FROM_DEVICE);
	kfree(hdr);
	return ret;
}
