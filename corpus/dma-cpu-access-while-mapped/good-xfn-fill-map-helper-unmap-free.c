/* dma-cpu-access-while-mapped (cross-function, good): the request is filled completely, mapped by a helper that checks the mapping itself, and freed only after the unmap helper. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/io.h>

#define AES_REQ_ADDR	0x10
#define AES_REQ_GO	0x18
#define AES_KEY_MAX	32

struct aes_hw_req {
	__le32 mode;
	__le32 keylen;
	u8 key[AES_KEY_MAX];
	u8 iv[16];
};

struct aes_engine {
	struct device *dev;
	void __iomem *base;
};

static dma_addr_t aes_map_req(struct aes_engine *ae, struct aes_hw_req *req)
{
	dma_addr_t h = dma_map_single(ae->dev, req, sizeof(*req), DMA_TO_DEVICE);

	if (dma_mapping_error(ae->dev, h))
		return DMA_MAPPING_ERROR;
	return h;
}

static void aes_unmap_req(struct aes_engine *ae, dma_addr_t h)
{
	dma_unmap_single(ae->dev, h, sizeof(struct aes_hw_req), DMA_TO_DEVICE);
}

int aes_wait(struct aes_engine *ae);

int aes_load_key(struct aes_engine *ae, u32 mode, const u8 *key, unsigned int keylen, const u8 *iv)
{
	struct aes_hw_req *req;
	dma_addr_t h;
	int ret;

	if (keylen > AES_KEY_MAX)
		return -EINVAL;
	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	req->mode = cpu_to_le32(mode);
	req->keylen = cpu_to_le32(keylen);
	memcpy(req->key, key, keylen);
	memcpy(req->iv, iv, sizeof(req->iv));

	h = aes_map_req(ae, req);
	if (h == DMA_MAPPING_ERROR) {
		ret = -ENOMEM;
		goto out_free;
	}
	lo_hi_writeq(h, ae->base + AES_REQ_ADDR);
	writel(1, ae->base + AES_REQ_GO);
	ret = aes_wait(ae);
	aes_unmap_req(ae, h);
out_free:
	memzero_explicit(req->key, sizeof(req->key));
	kfree(req);
	return ret;
}
