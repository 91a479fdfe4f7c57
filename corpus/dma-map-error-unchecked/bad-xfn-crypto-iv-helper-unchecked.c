/* dma-map-error-unchecked across functions: a crypto engine maps the IV and the key through one same-file helper each; the request path checks the key handle but stores the IV handle into the hardware descriptor unchecked. */
#include <crypto/aes.h>
#include <crypto/internal/skcipher.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>

#define SEC_REG_DESC_LO		0x40
#define SEC_REG_DESC_HI		0x44
#define SEC_REG_GO		0x48

struct sec_hw_desc {
	__le32 ctrl;
	__le32 len;
	__le64 key_addr;
	__le64 iv_addr;
	__le64 src;
	__le64 dst;
};

struct sec_dev {
	struct device *dev;
	void __iomem *base;
	struct sec_hw_desc *desc;
	dma_addr_t desc_dma;
};

struct sec_ctx {
	struct sec_dev *sdev;
	u8 key[AES_MAX_KEY_SIZE];
	unsigned int keylen;
	dma_addr_t key_dma;
};

struct sec_req_ctx {
	u8 iv[AES_BLOCK_SIZE];
	dma_addr_t iv_dma;
};

static dma_addr_t sec_map_key(struct sec_dev *sdev, struct sec_ctx *ctx)
{
	return dma_map_single(sdev->dev, ctx->key, ctx->keylen, DMA_TO_DEVICE);
}

static dma_addr_t sec_map_iv(struct sec_dev *sdev, struct sec_req_ctx *rctx)
{
	return dma_map_single(sdev->dev, rctx->iv, AES_BLOCK_SIZE, DMA_BIDIRECTIONAL);
}

static int sec_run(struct skcipher_request *req, u32 ctrl)
{
	struct crypto_skcipher *tfm = crypto_skcipher_reqtfm(req);
	struct sec_ctx *ctx = crypto_skcipher_ctx(tfm);
	struct sec_req_ctx *rctx = skcipher_request_ctx(req);
	struct sec_dev *sdev = ctx->sdev;
	struct sec_hw_desc *d = sdev->desc;

	memcpy(rctx->iv, req->iv, AES_BLOCK_SIZE);

	ctx->key_dma = sec_map_key(sdev, ctx);
	if (dma_mapping_error(sdev->dev, ctx->key_dma))
		return -ENOMEM;

	rctx->iv_dma = sec_map_iv(sdev, rctx); /* expect-warning dma-map-error-unchecked */

	d->ctrl = cpu_to_le32(ctrl);
	d->len = cpu_to_le32(req->cryptlen);
	d->key_addr = cpu_to_le64(ctx->key_dma);
	d->iv_addr = cpu_to_le64(rctx->iv_dma);
	d->src = cpu_to_le64(sg_dma_address(req->src));
	d->dst = cpu_to_le64(sg_dma_address(req->dst));
	wmb();
	writel(lower_32_bits(sdev->desc_dma), sdev->base + SEC_REG_DESC_LO);
	writel(upper_32_bits(sdev->desc_dma), sdev->base + SEC_REG_DESC_HI);
	writel(1, sdev->base + SEC_REG_GO);
	return -EINPROGRESS;
}

static void sec_complete(struct skcipher_request *req, int err)
{
	struct crypto_skcipher *tfm = crypto_skcipher_reqtfm(req);
	struct sec_ctx *ctx = crypto_skcipher_ctx(tfm);
	struct sec_req_ctx *rctx = skcipher_request_ctx(req);
	struct sec_dev *sdev = ctx->sdev;

	dma_unmap_single(sdev->dev, rctx->iv_dma, AES_BLOCK_SIZE, DMA_BIDIRECTIONAL);
	dma_unmap_single(sdev->dev, ctx->key_dma, ctx->keylen, DMA_TO_DEVICE);
	memcpy(req->iv, rctx->iv, AES_BLOCK_SIZE);
	skcipher_request_complete(req, err);
}

static int sec_encrypt(struct skcipher_request *req)
{
	return sec_run(req, 1);
}

static int sec_decrypt(struct skcipher_request *req)
{
	return sec_run(req, 0);
}
