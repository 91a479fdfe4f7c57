/* addr-highmem-page-address (good): page_address() of pages whose origin is not visible here (a parameter, sg_page() of a driver-built list, a struct field) is not reported. */
#include <linux/scatterlist.h>
#include <linux/mm.h>

struct cmdq {
	struct device *dev;
	struct page *hdr_page;		/* GFP_KERNEL, allocated at probe */
	struct scatterlist sgl[4];	/* built from kmalloc buffers with sg_set_buf() */
	unsigned int nents;
};

struct cmdq_hdr {
	__le32 opcode;
	__le32 nents;
};

static void cmdq_prepare(struct cmdq *q, struct page *tail, u32 opcode)
{
	struct cmdq_hdr *hdr = page_address(q->hdr_page);
	struct scatterlist *sg;
	u32 csum = 0;
	unsigned int i;

	hdr->opcode = cpu_to_le32(opcode);
	hdr->nents = cpu_to_le32(q->nents);

	for_each_sg(q->sgl, sg, q->nents, i) {
		u8 *p = page_address(sg_page(sg)) + sg->offset;

		csum += p[0];
	}

	*(__le32 *)page_address(tail) = cpu_to_le32(csum);
}
