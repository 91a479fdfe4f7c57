/* dma-map-non-linear-memory: the header of an on-stack request struct is mapped as a command block. */
#include <linux/dma-mapping.h>

#define SCMD_REG_ADDR		0x00
#define SCMD_REG_GO		0x08
#define SCMD_OP_IDENTIFY	0x06

struct scmd_hdr {
	__le16 opcode;
	__le16 flags;
	__le32 status;
};

struct scmd_req {
	struct scmd_hdr hdr;
	unsigned long deadline;
};

struct scmd_ctrl {
	struct device *dev;
	void __iomem *bar;
	struct completion done;
};

static int scmd_identify(struct scmd_ctrl *ctrl)
{
	struct scmd_req req;
	dma_addr_t h;
	int ret = 0;

	req.hdr.opcode = cpu_to_le16(SCMD_OP_IDENTIFY);
	req.hdr.flags = 0;
	req.hdr.status = 0;
	req.deadline = jiffies + HZ;

	h = dma_map_single(ctrl->dev, &req.hdr, sizeof(req.hdr), DMA_BIDIRECTIONAL); /* expect-warning dma-map-non-linear-memory */
	if (dma_mapping_error(ctrl->dev, h))
		return -ENOMEM;

	reinit_completion(&ctrl->done);
	lo_hi_writeq(h, ctrl->bar + SCMD_REG_ADDR);
	writel(1, ctrl->bar + SCMD_REG_GO);
	if (!wait_for_completion_timeout(&ctrl->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(ctrl->dev, h, sizeof(req.hdr), DMA_BIDIRECTIONAL);
	if (!ret && le32_to_cpu(req.hdr.status))
		ret = -EIO;
	return ret;
}
