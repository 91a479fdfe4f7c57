/* dma-sg-count-confusion (good, cross-function): the cipher path programs descriptors from dma_map_sg()'s count, and passes the original nents to its sync helper and to dma_unmap_sg(). */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <crypto/internal/skcipher.h>

struct skd_dev {
	struct device *dev;
	void __iomem *base;
};

struct skd_hw_desc {
	__le64 addr;
	__le32 len;
	__le32 flags;
};

static void skd_sync_for_cpu(struct skd_dev *sd, struct scatterlist *sgl, int nents)
{
	dma_sync_sg_for_cpu(sd->dev, sgl, nents, DMA_FROM_DEVICE);
}

static int skd_run(struct skd_dev *sd, int ndesc)
{
	u32 st;

	writel(ndesc, sd->base + 0x08);
	writel(1, sd->base + 0x0c);
	return readl_poll_timeout(sd->base + 0x10, st, st & 1, 5, 20000);
}

int skd_crypt_dst(struct skd_dev *sd, struct skcipher_request *req, struct skd_hw_desc *hw)
{
	int nents = sg_nents_for_len(req->dst, req->cryptlen);
	struct scatterlist *sg;
	int mapped, i, ret;

	if (nents < 0)
		return nents;
	mapped = dma_map_sg(sd->dev, req->dst, nents, DMA_FROM_DEVICE);
	if (unlikely(!mapped))
		return -ENOMEM;

	for_each_sg(req->dst, sg, mapped, i) {
		hw[i].addr = cpu_to_le64(sg_dma_address(sg));
		hw[i].len = cpu_to_le32(sg_dma_len(sg));
		hw[i].flags = cpu_to_le32(i == mapped - 1);
	}
	ret = skd_run(sd, mapped);

	skd_sync_for_cpu(sd, req->dst, nents);
	if (!ret)
		scatterwalk_map_and_copy(req->iv, req->dst, req->cryptlen - 16, 16, 0);

	dma_unmap_sg(sd->dev, req->dst, nents, DMA_FROM_DEVICE);
	return ret;
}
