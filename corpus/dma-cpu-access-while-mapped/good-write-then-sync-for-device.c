/* a long-lived DMA_TO_DEVICE key buffer is rewritten and published with dma_sync_single_for_device() each time (dpaa2-eth shape) */
struct kx_priv {
	struct device *dev;
	void __iomem *regs;
};

static int kx_program_keys(struct kx_priv *priv, u8 *key, unsigned int key_size, int ntc)
{
	dma_addr_t key_iova;
	int i;

	key_iova = dma_map_single(priv->dev, key, key_size * 2, DMA_TO_DEVICE);
	if (dma_mapping_error(priv->dev, key_iova))
		return -ENOMEM;

	for (i = ntc - 1; i >= 0; i--) {
		*(__be16 *)key = cpu_to_be16(i << 13);
		dma_sync_single_for_device(priv->dev, key_iova, key_size * 2, DMA_TO_DEVICE);
		writel(lower_32_bits(key_iova), priv->regs + 0x40);
		writel(i, priv->regs + 0x44);
	}

	dma_unmap_single(priv->dev, key_iova, key_size * 2, DMA_TO_DEVICE);
	return 0;
}
