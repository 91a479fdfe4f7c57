/* casts keep the object a value denotes; &x is an event of its own */
static int f(struct dev *d, void *buf)
{
	struct hdr *h = (struct hdr *)buf;
	u32 __iomem *r = (u32 __iomem *)(d->regs + 0x10);
	dma_addr_t a = dma_map_single(d->dev, (void *)&d->cmd, sizeof(d->cmd), DMA_TO_DEVICE);

	h->len = (u16)a;
	return (int)readl(r);
}
