/* access paths: fields, indexes, address-of, deref; dma_unmap_addr stays a call. */
struct rx_buf {
	DEFINE_DMA_UNMAP_ADDR(addr);
	dma_addr_t dma;
};

static void paths(struct device *dev, struct priv *p, struct sk_buff *skb, struct rx_buf *rb, int i)
{
	p->rx[i].dma = 0;
	use(skb->data);
	send(&p->cmd);
	*p->tail = 1;
	dma_unmap_single(dev, dma_unmap_addr(rb, addr), p->len, DMA_FROM_DEVICE);
}
