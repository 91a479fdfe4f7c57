/* addr-highmem-page-address (good): the GFP_HIGHUSER bounce page is filled through kmap_local_page()/kunmap_local(), which works for highmem pages. */
#include <linux/highmem.h>
#include <linux/gfp.h>
#include <linux/mm.h>

struct cre_req {
	struct page *bounce;
	unsigned int len;
};

struct cre_ctx {
	struct device *dev;
	void __iomem *regs;
};

int cre_submit(struct cre_ctx *ctx, struct cre_req *req);

static int cre_queue_unaligned(struct cre_ctx *ctx, struct cre_req *req,
			       const u8 *src, unsigned int len)
{
	struct page *pg;
	void *vaddr;
	int ret;

	if (len > PAGE_SIZE)
		return -EINVAL;

	pg = alloc_page(GFP_HIGHUSER);
	if (!pg)
		return -ENOMEM;

	vaddr = kmap_local_page(pg);
	memcpy(vaddr, src, len);
	kunmap_local(vaddr);

	req->bounce = pg;
	req->len = len;
	ret = cre_submit(ctx, req);
	if (ret) {
		req->bounce = NULL;
		__free_page(pg);
	}
	return ret;
}
