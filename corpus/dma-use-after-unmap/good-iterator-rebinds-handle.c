/* each loop iteration unmaps a different entry: the iterator variable and an out-parameter rebind the handle */
struct rx_entry {
	struct list_head list;
	dma_addr_t phys;
	void *data;
};

struct rx_pool {
	struct device *dev;
	struct list_head list;
	size_t size;
};

void rx_next_desc(struct rx_pool *pool, dma_addr_t *dma, u32 *len);

static void rx_pool_drain(struct rx_pool *pool, int n)
{
	struct rx_entry *e, *tmp;
	dma_addr_t dma;
	u32 len;

	list_for_each_entry_safe(e, tmp, &pool->list, list) {
		dma_unmap_single(pool->dev, e->phys, pool->size, DMA_FROM_DEVICE);
		kfree(e->data);
	}

	while (n--) {
		rx_next_desc(pool, &dma, &len);
		dma_unmap_page(pool->dev, dma, len, DMA_FROM_DEVICE);
	}
}
