/* dma-use-after-unmap (cross-function): a crypto request's destination scatterlist is unmapped by a same-file helper, and the caller then syncs the dead mapping for the CPU. */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <crypto/internal/skcipher.h>

struct hce_dev {
	struct device *dev;
	void __iomem *base;
};

struct hce_reqctx {
	struct scatterlist *dst;
	int dst_nents;
};

static void hce_unmap_dst(struct hce_dev *hd, struct scatterlist *sg, int nents)
{
	dma_unmap_sg(hd->dev, sg, nents, DMA_FROM_DEVICE);
}

int hce_run(struct hce_dev *hd, struct scatterlist *sg, int mapped);

static int hce_do_one(struct hce_dev *hd, struct skcipher_request *req)
{
	struct scatterlist *dst = req->dst;
	int nents = sg_nents_for_len(dst, req->cryptlen);
	int mapped, ret;

	if (nents < 0)
		return nents;
	mapped = dma_map_sg(hd->dev, dst, nents, DMA_FROM_DEVICE);
	if (!mapped)
		return -ENOMEM;

	ret = hce_run(hd, dst, mapped);
	hce_unmap_dst(hd, dst, nents);
	if (!ret)
		dma_sync_sg_for_cpu(hd->dev, dst, nents, DMA_FROM_DEVICE); /* expect-warning dma-use-after-unmap */
	return ret;
}
