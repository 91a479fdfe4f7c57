/* a checked handle left 0 means "never mapped": the cleanup tests it before unmapping (ccree shape) */
struct kx_ctx {
	struct device *dev;
};

int kx_send_sync(struct kx_ctx *ctx, dma_addr_t key, unsigned int keylen);

static int kx_setkey(struct kx_ctx *ctx, const u8 *key, unsigned int keylen, bool use_dma)
{
	dma_addr_t key_dma = 0;
	u8 *copy;
	int rc;

	copy = kmemdup(key, keylen, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;

	if (use_dma) {
		key_dma = dma_map_single(ctx->dev, copy, keylen, DMA_TO_DEVICE);
		if (dma_mapping_error(ctx->dev, key_dma)) {
			kfree_sensitive(copy);
			return -ENOMEM;
		}
	}

	rc = kx_send_sync(ctx, key_dma, keylen);

	if (key_dma)
		dma_unmap_single(ctx->dev, key_dma, keylen, DMA_TO_DEVICE);
	kfree_sensitive(copy);
	return rc;
}
