/* addr-highmem-page-address: a crypto engine's bounce page comes from alloc_page(GFP_HIGHUSER) and is filled through page_address(), which is NULL for an unmapped highmem page. */
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
	int ret;

	if (len > PAGE_SIZE)
		return -EINVAL;

	pg = alloc_page(GFP_HIGHUSER);
	if (!pg)
		return -ENOMEM;

	memcpy(page_address(pg), src, len);	/* expect-warning addr-highmem-page-address */

	req->bounce = pg;
	req->len = len;
	ret = cre_submit(ctx, req);
	if (ret) {
		req->bounce = NULL;
		__free_page(pg);
	}
	return ret;
}
