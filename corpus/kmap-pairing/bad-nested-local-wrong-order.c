/* kmap-pairing: a crypto offload driver copies the source page into the destination page with two kmap_local_page() mappings and releases the first one first. */
#include <crypto/scatterwalk.h>
#include <linux/highmem.h>
#include <linux/scatterlist.h>

struct ofl_req_ctx {
	struct scatterlist *src;
	struct scatterlist *dst;
	unsigned int len;
};

static void ofl_copy_in_place(struct ofl_req_ctx *rctx)
{
	struct page *sp = sg_page(rctx->src), *dp = sg_page(rctx->dst);
	void *s, *d;

	s = kmap_local_page(sp);
	d = kmap_local_page(dp);
	memcpy(d + rctx->dst->offset, s + rctx->src->offset, rctx->len);
	kunmap_local(s);	/* expect-warning kmap-pairing */
	kunmap_local(d);
}

static void ofl_xor_pages(struct page *a, struct page *b, struct page *out, unsigned int len)
{
	u8 *pa = kmap_local_page(a);
	u8 *pb = kmap_local_page(b);
	u8 *po = kmap_local_page(out);
	unsigned int i;

	for (i = 0; i < len; i++)
		po[i] = pa[i] ^ pb[i];
	kunmap_local(po);
	kunmap_local(pa);	/* expect-warning kmap-pairing */
	kunmap_local(pb);
}
