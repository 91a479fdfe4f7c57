/* dma-map-non-linear-memory (good): a static command template and a stack scratch array are copied into a kzalloc'ed buffer that is mapped. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define QFW_CMD_LEN		64
#define QFW_REG_CMD_ADDR	0x10
#define QFW_REG_CMD_LEN		0x18
#define QFW_REG_DOORBELL	0x1c

struct qfw_dev {
	struct device *dev;
	void __iomem *mmio;
	struct completion cmd_done;
};

static const u8 qfw_boot_template[8] = { 0x42, 0x00, 0x01, 0x00 };

static int qfw_send_boot(struct qfw_dev *qd, u32 entry)
{
	u8 arg[4];
	u8 *cmd;
	dma_addr_t h;
	int ret = 0;

	put_unaligned_le32(entry, arg);
	cmd = kzalloc(QFW_CMD_LEN, GFP_KERNEL);
	if (!cmd)
		return -ENOMEM;
	memcpy(cmd, qfw_boot_template, sizeof(qfw_boot_template));
	memcpy(cmd + sizeof(qfw_boot_template), arg, sizeof(arg));

	h = dma_map_single(qd->dev, cmd, QFW_CMD_LEN, DMA_TO_DEVICE);
	if (dma_mapping_error(qd->dev, h)) {
		kfree(cmd);
		return -ENOMEM;
	}

	reinit_completion(&qd->cmd_done);
	lo_hi_writeq(h, qd->mmio + QFW_REG_CMD_ADDR);
	writel(QFW_CMD_LEN, qd->mmio + QFW_REG_CMD_LEN);
	writel(1, qd->mmio + QFW_REG_DOORBELL);
	if (!wait_for_completion_timeout(&qd->cmd_done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(qd->dev, h, QFW_CMD_LEN, DMA_TO_DEVICE);
	kfree(cmd);
	return ret;
}
