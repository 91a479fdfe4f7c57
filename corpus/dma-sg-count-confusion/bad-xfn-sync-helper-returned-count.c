/* dma-sg-count-confusion (cross-function): a crypto engine's cipher path maps the destination scatterlist, then hands dma_map_sg()'s returned count to its own sync helper before copying the IV out; dma_sync_sg_for_cpu() must get the original nents. */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <crypto/internal/skcipher.h>

struct ske_dev {
	struct device *dev;
	void __iomem *base;
};

struct ske_hw_desc {
	__le64 addr;
	__le32 len;
	__le32 flags;
};

static void ske_sync_dst_for_cpu(struct ske_dev *sd, struct scatterlist *sgl, int nents)
{
	dma_sync_sg_for_cpu(sd->dev, sgl, nents, DMA_FROM_DEVICE);
}

static int ske_run_descs(struct ske_dev *sd, struct ske_hw_desc *hw, int n)
{
	u32 st;

	writel(n, sd->base + 0x08);
	writel(1, sd->base + 0x0c);
	return readl_poll_timeout(sd->base + 0x10, st, st & 1, 5, 20000);
}

int ske_crypt_dst(struct ske_dev *sd, struct skcipher_request *req, struct ske_hw_desc *hw)
{
	int nents = sg_nents_for_len(req->dst, req->cryptlen);
	struct scatterlist *sg;
	int n, i, ret;

	if (nents < 0)
		return nents;
	n = dma_map_sg(sd->dev, req->dst, nents, DMA_FROM_DEVICE);
	if (!n)
		return -ENOMEM;

	for_each_sg(req->dst, sg, n, i) {
		hw[i].addr = cpu_to_le64(sg_dma_address(sg));
		hw[i].len = cpu_to_le32(sg_dma_len(sg));
		hw[i].flags = 0;
	}
	ret = ske_run_descs(sd, hw, n);

	ske_sync_dst_for_cpu(sd, req->dst, n); /* expect-warning dma-sg-count-confusion */
	if (!ret)
		scatterwalk_map_and_copy(req->iv, req->dst, req->cryptlen - 16, 16, 0);

	dma_unmap_sg(sd->dev, req->dst, nents, DMA_FROM_DEVICE);
	return ret;
}
