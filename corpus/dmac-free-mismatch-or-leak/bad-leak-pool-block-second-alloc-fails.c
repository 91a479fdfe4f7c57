/* dmac-free-mismatch-or-leak: a pool block held in a local leaks when the request allocation that follows it fails. */
#include <linux/dmapool.h>
#include <linux/slab.h>

struct sr_req {
	void *sense;
	dma_addr_t sense_dma;
	u32 tag;
};

struct sr_host {
	struct device *dev;
	struct dma_pool *sense_pool;
};

static struct sr_req *sr_alloc_req(struct sr_host *sh, u32 tag)
{
	struct sr_req *req;
	void *sense;
	dma_addr_t sense_dma;

	sense = dma_pool_zalloc(sh->sense_pool, GFP_KERNEL, &sense_dma);
	if (!sense)
		return NULL;

	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return NULL; /* expect-warning dmac-free-mismatch-or-leak */

	req->sense = sense;
	req->sense_dma = sense_dma;
	req->tag = tag;
	return req;
}
