/* dmac-free-mismatch-or-leak (good): the queue size is computed once into a local and passed to both the allocation and the free. */
#include <linux/dma-mapping.h>
#include <linux/overflow.h>

struct aq_sqe {
	__le16 opcode;
	__le16 flags;
	__le32 cid;
	__le64 prp[2];
	__le32 cdw[8];
};

struct aq_ctrl {
	struct device *dev;
	void __iomem *bar;
	u32 depth;
};

int aq_identify(struct aq_ctrl *ctrl, struct aq_sqe *sq, dma_addr_t sq_dma);

static int aq_probe_admin_queue(struct aq_ctrl *ctrl, u32 depth)
{
	size_t size = array_size(depth, sizeof(struct aq_sqe));
	struct aq_sqe *sq;
	dma_addr_t sq_dma;
	int ret;

	if (size == SIZE_MAX)
		return -EOVERFLOW;

	sq = dma_alloc_coherent(ctrl->dev, size, &sq_dma, GFP_KERNEL);
	if (!sq)
		return -ENOMEM;

	lo_hi_writeq(sq_dma, ctrl->bar + 0x28);
	writel(depth - 1, ctrl->bar + 0x24);

	ret = aq_identify(ctrl, sq, sq_dma);
	if (!ret)
		ctrl->depth = depth;

	/* probe only: the real queue is created later with the negotiated depth */
	writel(0, ctrl->bar + 0x24);
	lo_hi_writeq(0, ctrl->bar + 0x28);
	dma_free_coherent(ctrl->dev, size, sq, sq_dma);
	return ret;
}
