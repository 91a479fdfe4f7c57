/* dma-dir-usage-mismatch (good, cross-function): a firmware channel has one wrapper fixed to DMA_TO_DEVICE for requests the CPU fills and one fixed to DMA_FROM_DEVICE for replies the CPU reads after the unmap helper. */
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/slab.h>

#define FWQ_MSG_MAX	128
#define FWQ_REQ_ADDR	0x40
#define FWQ_RSP_ADDR	0x48
#define FWQ_KICK	0x50
#define FWQ_DONE	0x54

struct fwq_msg {
	__le32 opcode;
	__le32 status;
	u8 data[FWQ_MSG_MAX];
};

struct fwq_dev {
	struct device *dev;
	void __iomem *mmio;
};

static dma_addr_t fwq_map_req(struct fwq_dev *fq, void *req, size_t len)
{
	dma_addr_t d = dma_map_single(fq->dev, req, len, DMA_TO_DEVICE);

	if (dma_mapping_error(fq->dev, d))
		return DMA_MAPPING_ERROR;
	return d;
}

static dma_addr_t fwq_map_rsp(struct fwq_dev *fq, void *rsp, size_t len)
{
	dma_addr_t d = dma_map_single(fq->dev, rsp, len, DMA_FROM_DEVICE);

	if (dma_mapping_error(fq->dev, d))
		return DMA_MAPPING_ERROR;
	return d;
}

static void fwq_unmap_req(struct fwq_dev *fq, dma_addr_t d, size_t len)
{
	dma_unmap_single(fq->dev, d, len, DMA_TO_DEVICE);
}

static void fwq_unmap_rsp(struct fwq_dev *fq, dma_addr_t d, size_t len)
{
	dma_unmap_single(fq->dev, d, len, DMA_FROM_DEVICE);
}

static int fwq_kick_and_wait(struct fwq_dev *fq, dma_addr_t req, dma_addr_t rsp)
{
	u32 done;

	writeq(req, fq->mmio + FWQ_REQ_ADDR);
	writeq(rsp, fq->mmio + FWQ_RSP_ADDR);
	writel(1, fq->mmio + FWQ_KICK);
	return readl_poll_timeout(fq->mmio + FWQ_DONE, done, done, 50, 200000);
}

int fwq_query(struct fwq_dev *fq, u32 opcode, const void *in, size_t inlen,
	      void *out, size_t outlen)
{
	struct fwq_msg *req, *rsp;
	dma_addr_t req_dma, rsp_dma;
	int ret;

	if (inlen > FWQ_MSG_MAX || outlen > FWQ_MSG_MAX)
		return -EINVAL;
	req = kzalloc(sizeof(*req), GFP_KERNEL);
	rsp = kmalloc(sizeof(*rsp), GFP_KERNEL);
	if (!req || !rsp) {
		ret = -ENOMEM;
		goto out_free;
	}

	req->opcode = cpu_to_le32(opcode);
	memcpy(req->data, in, inlen);

	req_dma = fwq_map_req(fq, req, sizeof(*req));
	if (req_dma == DMA_MAPPING_ERROR) {
		ret = -ENOMEM;
		goto out_free;
	}
	rsp_dma = fwq_map_rsp(fq, rsp, sizeof(*rsp));
	if (rsp_dma == DMA_MAPPING_ERROR) {
		ret = -ENOMEM;
		goto out_unmap_req;
	}

	ret = fwq_kick_and_wait(fq, req_dma, rsp_dma);

	fwq_unmap_rsp(fq, rsp_dma, sizeof(*rsp));
	if (!ret) {
		if (le32_to_cpu(rsp->status))
			ret = -EIO;
		else
			memcpy(out, rsp->data, outlen);
	}
out_unmap_req:
	fwq_unmap_req(fq, req_dma, sizeof(*req));
out_free:
	kfree(rsp);
	kfree(req);
	return ret;
}
