/* dma-dir-usage-mismatch (cross-function): a crypto engine's map helper takes the direction; the hash path maps the freshly allocated digest buffer DMA_TO_DEVICE through it, then reads the digest the engine wrote after the unmap helper. */
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/slab.h>
#include <crypto/hash.h>

#define CEX_DIGEST_MAX	64
#define CEX_SRC_ADDR	0x20
#define CEX_DST_ADDR	0x28
#define CEX_SRC_LEN	0x30
#define CEX_CTRL	0x34
#define CEX_STATUS	0x38

struct cex_dev {
	struct device *dev;
	void __iomem *regs;
};

struct cex_hash_ctx {
	struct cex_dev *cex;
	unsigned int digestsize;
};

static dma_addr_t cex_map(struct cex_dev *cex, void *buf, size_t len,
			  enum dma_data_direction dir)
{
	dma_addr_t a = dma_map_single(cex->dev, buf, len, dir);

	if (dma_mapping_error(cex->dev, a))
		return 0;
	return a;
}

static void cex_unmap(struct cex_dev *cex, dma_addr_t a, size_t len,
		      enum dma_data_direction dir)
{
	dma_unmap_single(cex->dev, a, len, dir);
}

static int cex_run(struct cex_dev *cex, dma_addr_t src, size_t len, dma_addr_t dst)
{
	u32 st;

	writeq(src, cex->regs + CEX_SRC_ADDR);
	writeq(dst, cex->regs + CEX_DST_ADDR);
	writel(len, cex->regs + CEX_SRC_LEN);
	writel(1, cex->regs + CEX_CTRL);
	return readl_poll_timeout_atomic(cex->regs + CEX_STATUS, st, st & 1, 1, 10000);
}

int cex_digest_oneshot(struct cex_hash_ctx *ctx, const u8 *data, size_t len, u8 *out)
{
	struct cex_dev *cex = ctx->cex;
	dma_addr_t src, dst;
	u8 *digest;
	int ret;

	digest = kmalloc(CEX_DIGEST_MAX, GFP_KERNEL);
	if (!digest)
		return -ENOMEM;

	src = cex_map(cex, (void *)data, len, DMA_TO_DEVICE);
	if (!src) {
		ret = -ENOMEM;
		goto out_free;
	}
	/* the engine writes the digest here: should be DMA_FROM_DEVICE */
	dst = cex_map(cex, digest, CEX_DIGEST_MAX, DMA_TO_DEVICE); /* expect-warning dma-dir-usage-mismatch */
	if (!dst) {
		ret = -ENOMEM;
		goto out_unmap_src;
	}

	ret = cex_run(cex, src, len, dst);

	cex_unmap(cex, dst, CEX_DIGEST_MAX, DMA_TO_DEVICE);
	if (!ret)
		memcpy(out, digest, ctx->digestsize);
out_unmap_src:
	cex_unmap(cex, src, len, DMA_TO_DEVICE);
out_free:
	kfree(digest);
	return ret;
}
