/* Flow: struct fields joined over the file, globals, helper returns, aliases that disagree. */
struct rx_ring {
	void *buf;
	void *either;
	dma_addr_t *dma_of;
};

static void *scratch;

static void *ring_mem(size_t n)
{
	void *p = vzalloc(n);

	if (!p)
		return NULL;
	return p;
}

static int ring_init(struct rx_ring *r)
{
	r->buf = ring_mem(4096);
	r->either = kmalloc(64, GFP_KERNEL);
	scratch = kzalloc(128, GFP_KERNEL);
	return r->buf ? 0 : -ENOMEM;
}

static void ring_other(struct rx_ring *r, void *unknown)
{
	r->either = unknown;
}

static unsigned long ring_pa(struct rx_ring *r)
{
	void *b = r->buf;
	void *s = scratch;

	return virt_to_phys(b) + virt_to_phys(s) + virt_to_phys(r->either);
}
