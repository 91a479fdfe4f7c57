/* kmap-pairing (good): a firewire-style receive buffer maps each page of an array with kmap() in one loop and unmaps them all in a later loop; the result of a single kmap() is handed to a helper that keeps it. */
#include <linux/highmem.h>
#include <linux/slab.h>

#define RCV_PAGES	8

struct rcv_buf {
	struct page *pages[RCV_PAGES];
	void *vaddr[RCV_PAGES];
	unsigned int n;
};

static int rcv_map_all(struct rcv_buf *rb, u32 pattern)
{
	void *ptrs[RCV_PAGES];
	unsigned int i;

	for (i = 0; i < rb->n; i++)
		ptrs[i] = kmap(rb->pages[i]);
	for (i = 0; i < rb->n; i++)
		memset(ptrs[i], pattern & 0xff, PAGE_SIZE);
	for (i = 0; i < rb->n; i++)
		kunmap(rb->pages[i]);
	return 0;
}

static void rcv_checksum_pages(struct rcv_buf *rb, u32 *out)
{
	u32 *va[RCV_PAGES];
	unsigned int i, w;

	for (i = 0; i < rb->n; i++)
		va[i] = kmap_local_page(rb->pages[i]);
	*out = 0;
	for (i = 0; i < rb->n; i++)
		for (w = 0; w < PAGE_SIZE / 4; w++)
			*out += va[i][w];
	while (i--)
		kunmap_local(va[i]);
}

static void rcv_persist(struct rcv_buf *rb, unsigned int i)
{
	rb->vaddr[i] = kmap(rb->pages[i]);
}
