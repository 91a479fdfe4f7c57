/* dma-unmap-args-mismatch (good, cross-function): the skcipher request maps src and dst scatterlists (in place: one BIDIRECTIONAL list), the completion tasklet unmaps each list with the direction chosen by the same in-place test. */
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <crypto/internal/skcipher.h>

#define CRX_REG_SRC		0x10
#define CRX_REG_DST		0x18
#define CRX_REG_LEN		0x20
#define CRX_REG_GO		0x24

struct crx_dev {
	struct device *dev;
	void __iomem *regs;
	struct tasklet_struct done_task;
	struct skcipher_request *req;
	struct scatterlist *src, *dst;
	int src_nents, dst_nents;
};

static int crx_start(struct crx_dev *cd, struct skcipher_request *req)
{
	bool inplace = req->src == req->dst;

	cd->req = req;
	cd->src = req->src;
	cd->dst = req->dst;
	cd->src_nents = sg_nents_for_len(req->src, req->cryptlen);
	cd->dst_nents = sg_nents_for_len(req->dst, req->cryptlen);
	if (cd->src_nents < 0 || cd->dst_nents < 0)
		return -EINVAL;

	if (inplace) {
		if (!dma_map_sg(cd->dev, cd->src, cd->src_nents, DMA_BIDIRECTIONAL))
			return -ENOMEM;
	} else {
		if (!dma_map_sg(cd->dev, cd->src, cd->src_nents, DMA_TO_DEVICE))
			return -ENOMEM;
		if (!dma_map_sg(cd->dev, cd->dst, cd->dst_nents, DMA_FROM_DEVICE)) {
			dma_unmap_sg(cd->dev, cd->src, cd->src_nents, DMA_TO_DEVICE);
			return -ENOMEM;
		}
	}
	writel(lower_32_bits(sg_dma_address(cd->src)), cd->regs + CRX_REG_SRC);
	writel(lower_32_bits(sg_dma_address(cd->dst)), cd->regs + CRX_REG_DST);
	writel(req->cryptlen, cd->regs + CRX_REG_LEN);
	writel(1, cd->regs + CRX_REG_GO);
	return -EINPROGRESS;
}

static void crx_done_tasklet(unsigned long data)
{
	struct crx_dev *cd = (struct crx_dev *)data;
	struct skcipher_request *req = cd->req;

	if (cd->src == cd->dst) {
		dma_unmap_sg(cd->dev, cd->src, cd->src_nents, DMA_BIDIRECTIONAL);
	} else {
		dma_unmap_sg(cd->dev, cd->dst, cd->dst_nents, DMA_FROM_DEVICE);
		dma_unmap_sg(cd->dev, cd->src, cd->src_nents, DMA_TO_DEVICE);
	}
	cd->req = NULL;
	skcipher_request_complete(req, 0);
}

static int crx_encrypt(struct skcipher_request *req)
{
	struct crx_dev *cd = crypto_skcipher_ctx(crypto_skcipher_reqtfm(req));

	return crx_start(cd, req);
}
