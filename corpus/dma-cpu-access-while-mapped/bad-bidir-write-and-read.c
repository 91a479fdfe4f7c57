/* dma-cpu-access-while-mapped: a BIDIRECTIONAL command buffer is filled after the map and its reply read before the unmap. */
#include <linux/dma-mapping.h>

#define FWQ_CMD_ADDR	0x100
#define FWQ_CMD_KICK	0x108
#define FWQ_MAX_PAYLOAD	240

struct fwq_msg {
	__le16 opcode;
	__le16 len;
	__le32 status;
	u8 data[FWQ_MAX_PAYLOAD];
};

struct fwq {
	struct device *dev;
	void __iomem *bar;
	struct fwq_msg *msg;		/* kzalloc'd at probe */
	struct completion resp;
	struct mutex lock;
};

int fwq_call(struct fwq *q, u16 opcode, const void *in, u16 in_len, u32 *status)
{
	struct fwq_msg *msg = q->msg;
	dma_addr_t dma;
	int ret = 0;

	mutex_lock(&q->lock);
	dma = dma_map_single(q->dev, msg, sizeof(*msg), DMA_BIDIRECTIONAL);
	if (dma_mapping_error(q->dev, dma)) {
		mutex_unlock(&q->lock);
		return -ENOMEM;
	}

	msg->opcode = cpu_to_le16(opcode); /* expect-warning dma-cpu-access-while-mapped */
	msg->len = cpu_to_le16(in_len); /* expect-warning dma-cpu-access-while-mapped */
	memcpy(msg->data, in, in_len); /* expect-warning dma-cpu-access-while-mapped */

	reinit_completion(&q->resp);
	lo_hi_writeq(dma, q->bar + FWQ_CMD_ADDR);
	writel(1, q->bar + FWQ_CMD_KICK);

	if (!wait_for_completion_timeout(&q->resp, 2 * HZ))
		ret = -ETIMEDOUT;
	else
		*status = le32_to_cpu(msg->status); /* expect-warning dma-cpu-access-while-mapped */

	dma_unmap_single(q->dev, dma, sizeof(*msg), DMA_BIDIRECTIONAL);
	mutex_unlock(&q->lock);
	return ret;
}
