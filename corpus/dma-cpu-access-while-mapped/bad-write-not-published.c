/* the CPU rewrites a mapped DMA_TO_DEVICE buffer and rings the doorbell without dma_sync_single_for_device() */
struct kx_priv {
	struct device *dev;
	void __iomem *regs;
};

static int kx_send_cmd(struct kx_priv *priv, u8 *cmd, size_t len, u8 opcode)
{
	dma_addr_t h;

	h = dma_map_single(priv->dev, cmd, len, DMA_TO_DEVICE);
	if (dma_mapping_error(priv->dev, h))
		return -ENOMEM;

	cmd[0] = opcode; /* expect-warning dma-cpu-access-while-mapped */
	writel(lower_32_bits(h), priv->regs + 0x10);
	writel(1, priv->regs + 0x14);

	dma_unmap_single(priv->dev, h, len, DMA_TO_DEVICE);
	return 0;
}
