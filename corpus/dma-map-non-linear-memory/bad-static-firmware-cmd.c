/* dma-map-non-linear-memory: a firmware command block in a file-scope static array (module .bss) is mapped for DMA. */
#include <linux/dma-mapping.h>
#include <linux/firmware.h>

#define QFW_CMD_LEN		64
#define QFW_REG_CMD_ADDR	0x10
#define QFW_REG_CMD_LEN		0x18
#define QFW_REG_DOORBELL	0x1c
#define QFW_OP_BOOT		0x42

struct qfw_dev {
	struct device *dev;
	void __iomem *mmio;
	struct completion cmd_done;
};

static u8 qfw_cmd_buf[QFW_CMD_LEN];

static int qfw_send_boot(struct qfw_dev *qd, u32 entry)
{
	dma_addr_t h;
	int ret = 0;

	memset(qfw_cmd_buf, 0, QFW_CMD_LEN);
	qfw_cmd_buf[0] = QFW_OP_BOOT;
	put_unaligned_le32(entry, &qfw_cmd_buf[4]);

	h = dma_map_single(qd->dev, qfw_cmd_buf, QFW_CMD_LEN, DMA_TO_DEVICE); /* expect-warning dma-map-non-linear-memory */
	if (dma_mapping_error(qd->dev, h))
		return -ENOMEM;

	reinit_completion(&qd->cmd_done);
	lo_hi_writeq(h, qd->mmio + QFW_REG_CMD_ADDR);
	writel(QFW_CMD_LEN, qd->mmio + QFW_REG_CMD_LEN);
	writel(1, qd->mmio + QFW_REG_DOORBELL);
	if (!wait_for_completion_timeout(&qd->cmd_done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(qd->dev, h, QFW_CMD_LEN, DMA_TO_DEVICE);
	return ret;
}
