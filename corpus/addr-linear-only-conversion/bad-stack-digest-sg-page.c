/* addr-linear-only-conversion: a scatterlist entry for the crypto API points at virt_to_page() of an on-stack header, through a local pointer. */
#include <crypto/hash.h>
#include <linux/scatterlist.h>

#define NVT_HDR_LEN		24

struct nvt_conn {
	struct crypto_ahash *tfm;
	u32 seq;
};

static int nvt_hdr_digest(struct nvt_conn *nc, u8 *digest)
{
	u8 hdr[NVT_HDR_LEN];
	struct ahash_request *req;
	struct scatterlist sg;
	u8 *p = hdr;
	int ret;

	memset(hdr, 0, sizeof(hdr));
	put_unaligned_be32(nc->seq, hdr);

	req = ahash_request_alloc(nc->tfm, GFP_KERNEL);
	if (!req)
		return -ENOMEM;

	sg_init_table(&sg, 1);
	sg_set_page(&sg, virt_to_page(p), NVT_HDR_LEN, offset_in_page(p)); /* expect-warning addr-linear-only-conversion */
	ahash_request_set_callback(req, 0, NULL, NULL);
	ahash_request_set_crypt(req, &sg, digest, NVT_HDR_LEN);
	ret = crypto_ahash_digest(req);

	ahash_request_free(req);
	return ret;
}
