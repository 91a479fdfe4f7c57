/* dma-cpu-access-while-mapped (cross-function): a same-file map helper maps the TX command buffer and the caller patches the header afterwards. */
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/slab.h>

#define QCX_CMD_ADDR_LO		0x20
#define QCX_CMD_ADDR_HI		0x24
#define QCX_CMD_LEN		0x28
#define QCX_CMD_DOORBELL	0x2c
#define QCX_CMD_MAX		512

struct qcx_cmd_hdr {
	__le16 opcode;
	__le16 len;
	__le32 seq;
};

struct qcx_dev {
	struct device *dev;
	void __iomem *mmio;
	u32 seq;
};

static dma_addr_t qcx_map_cmd(struct qcx_dev *qd, void *cmd, size_t len)
{
	dma_addr_t dma;

	dma = dma_map_single(qd->dev, cmd, len, DMA_TO_DEVICE);
	if (dma_mapping_error(qd->dev, dma))
		return 0;
	return dma;
}

static void qcx_unmap_cmd(struct qcx_dev *qd, dma_addr_t dma, size_t len)
{
	dma_unmap_single(qd->dev, dma, len, DMA_TO_DEVICE);
}

int qcx_wait_cmd_done(struct qcx_dev *qd);

int qcx_send_cmd(struct qcx_dev *qd, u16 opcode, const void *payload, size_t plen)
{
	struct qcx_cmd_hdr *hdr;
	dma_addr_t dma;
	size_t len = sizeof(*hdr) + plen;
	int ret;

	if (len > QCX_CMD_MAX)
		return -EINVAL;
	hdr = kzalloc(len, GFP_KERNEL);
	if (!hdr)
		return -ENOMEM;
	memcpy(hdr + 1, payload, plen);

	dma = qcx_map_cmd(qd, hdr, len);
	if (!dma) {
		kfree(hdr);
		return -ENOMEM;
	}

	hdr->opcode = cpu_to_le16(opcode); /* expect-warning dma-cpu-access-while-mapped */
	hdr->len = cpu_to_le16(plen); /* expect-warning dma-cpu-access-while-mapped */
	hdr->seq = cpu_to_le32(++qd->seq); /* expect-warning dma-cpu-access-while-mapped */

	writel(lower_32_bits(dma), qd->mmio + QCX_CMD_ADDR_LO);
	writel(upper_32_bits(dma), qd->mmio + QCX_CMD_ADDR_HI);
	writel(len, qd->mmio + QCX_CMD_LEN);
	writel(1, qd->mmio + QCX_CMD_DOORBELL);

	ret = qcx_wait_cmd_done(qd);
	qcx_unmap_cmd(qd, dma, len);
	kfree(hdr);
	return ret;
}
