/* dma-map-error-unchecked (good, cross-function): the mailbox helper maps the command into the request, checks dma_mapping_error() itself and returns an errno; the callers only touch the handle after a zero return. */
#include <linux/completion.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/pci.h>

#define MBX_REG_ADDR_LO		0x80
#define MBX_REG_ADDR_HI		0x84
#define MBX_REG_KICK		0x88
#define MBX_TIMEOUT_MS		2000

struct mbx_msg {
	__le16 opcode;
	__le16 len;
	__le32 seq;
	u8 payload[248];
};

struct mbx_req {
	struct mbx_msg msg;
	dma_addr_t msg_dma;
	struct completion done;
};

struct mbx_dev {
	struct pci_dev *pdev;
	void __iomem *bar0;
	u32 seq;
};

static int mbx_map_cmd(struct mbx_dev *md, struct mbx_req *req)
{
	struct device *dev = &md->pdev->dev;

	req->msg_dma = dma_map_single(dev, &req->msg, sizeof(req->msg), DMA_BIDIRECTIONAL);
	if (dma_mapping_error(dev, req->msg_dma)) {
		dev_err_ratelimited(dev, "mailbox map failed\n");
		return -ENOMEM;
	}
	return 0;
}

static void mbx_unmap_cmd(struct mbx_dev *md, struct mbx_req *req)
{
	dma_unmap_single(&md->pdev->dev, req->msg_dma, sizeof(req->msg), DMA_BIDIRECTIONAL);
}

static void mbx_post(struct mbx_dev *md, struct mbx_req *req)
{
	writel(lower_32_bits(req->msg_dma), md->bar0 + MBX_REG_ADDR_LO);
	writel(upper_32_bits(req->msg_dma), md->bar0 + MBX_REG_ADDR_HI);
	writel(1, md->bar0 + MBX_REG_KICK);
}

int mbx_exec(struct mbx_dev *md, struct mbx_req *req, u16 opcode, const void *data, u16 len)
{
	int ret;

	if (len > sizeof(req->msg.payload))
		return -EINVAL;
	req->msg.opcode = cpu_to_le16(opcode);
	req->msg.len = cpu_to_le16(len);
	req->msg.seq = cpu_to_le32(++md->seq);
	memcpy(req->msg.payload, data, len);
	init_completion(&req->done);

	ret = mbx_map_cmd(md, req);
	if (ret)
		return ret;

	mbx_post(md, req);
	if (!wait_for_completion_timeout(&req->done, msecs_to_jiffies(MBX_TIMEOUT_MS)))
		ret = -ETIMEDOUT;
	mbx_unmap_cmd(md, req);
	return ret;
}

int mbx_post_async(struct mbx_dev *md, struct mbx_req *req)
{
	int ret = mbx_map_cmd(md, req);

	if (!ret)
		mbx_post(md, req);
	return ret;
}

void mbx_async_done(struct mbx_dev *md, struct mbx_req *req)
{
	mbx_unmap_cmd(md, req);
	complete(&req->done);
}
