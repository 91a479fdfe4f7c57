/* dma-dir-usage-mismatch (cross-function): the driver's map wrapper is fixed to DMA_FROM_DEVICE (written for the reply buffer); the command path fills a request with memcpy and field stores, maps it with that wrapper and expects the firmware to read it. */
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/slab.h>

#define FWC_MSG_MAX	256
#define FWC_REG_REQ_LO	0x100
#define FWC_REG_REQ_HI	0x104
#define FWC_REG_REQ_LEN	0x108
#define FWC_REG_STATUS	0x10c

struct fwc_msg {
	__le16 opcode;
	__le16 len;
	__le32 seq;
	u8 payload[FWC_MSG_MAX];
};

struct fwc_dev {
	struct device *dev;
	void __iomem *mmio;
	u32 seq;
	struct mutex cmd_lock;
};

/* maps a buffer the firmware writes into */
static dma_addr_t fwc_map_msg(struct fwc_dev *fw, void *msg, size_t len)
{
	dma_addr_t dma;

	dma = dma_map_single(fw->dev, msg, len, DMA_FROM_DEVICE);
	if (dma_mapping_error(fw->dev, dma))
		return DMA_MAPPING_ERROR;
	return dma;
}

static void fwc_unmap_msg(struct fwc_dev *fw, dma_addr_t dma, size_t len)
{
	dma_unmap_single(fw->dev, dma, len, DMA_FROM_DEVICE);
}

static int fwc_wait_done(struct fwc_dev *fw)
{
	u32 st;

	return readl_poll_timeout(fw->mmio + FWC_REG_STATUS, st, st & 1, 20, 100000);
}

int fwc_send_cmd(struct fwc_dev *fw, u16 opcode, const void *data, u16 len)
{
	struct fwc_msg *msg;
	dma_addr_t dma;
	int ret;

	if (len > FWC_MSG_MAX)
		return -EINVAL;
	msg = kzalloc(sizeof(*msg), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	msg->opcode = cpu_to_le16(opcode);
	msg->len = cpu_to_le16(len);
	msg->seq = cpu_to_le32(fw->seq++);
	memcpy(msg->payload, data, len);

	dma = fwc_map_msg(fw, msg, sizeof(*msg)); /* expect-warning dma-dir-usage-mismatch */
	if (dma == DMA_MAPPING_ERROR) {
		ret = -ENOMEM;
		goto out_free;
	}

	mutex_lock(&fw->cmd_lock);
	writel(lower_32_bits(dma), fw->mmio + FWC_REG_REQ_LO);
	writel(upper_32_bits(dma), fw->mmio + FWC_REG_REQ_HI);
	writel(sizeof(*msg), fw->mmio + FWC_REG_REQ_LEN);
	ret = fwc_wait_done(fw);
	mutex_unlock(&fw->cmd_lock);

	fwc_unmap_msg(fw, dma, sizeof(*msg));
out_free:
	kfree(msg);
	return ret;
}
