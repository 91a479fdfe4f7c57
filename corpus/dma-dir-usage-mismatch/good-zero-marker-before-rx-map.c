/* a zero marker written into an rx buffer before it is mapped DMA_FROM_DEVICE is not data for the device (brcmsmac shape) */
struct mx_ring {
	struct device *dev;
	dma_addr_t *dma;
	struct sk_buff **skb;
	unsigned int size;
};

static int mx_post_rx(struct mx_ring *r, unsigned int i)
{
	struct sk_buff *skb = dev_alloc_skb(r->size);
	dma_addr_t pa;

	if (!skb)
		return -ENOMEM;
	*(u32 *)(skb->data) = 0;
	pa = dma_map_single(r->dev, skb->data, r->size, DMA_FROM_DEVICE);
	if (dma_mapping_error(r->dev, pa)) {
		dev_kfree_skb_any(skb);
		return -ENOMEM;
	}
	r->dma[i] = pa;
	r->skb[i] = skb;
	return 0;
}
