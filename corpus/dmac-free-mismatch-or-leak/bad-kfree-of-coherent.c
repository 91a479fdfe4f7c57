/* dmac-free-mismatch-or-leak: the error path of a ring allocation releases coherent memory with kfree(). */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define CQ_ENTRIES		1024
#define CQ_BYTES		(CQ_ENTRIES * sizeof(struct nvmf_cqe))

struct nvmf_cqe {
	__le32 result;
	__le32 rsvd;
	__le16 sq_head;
	__le16 sq_id;
	__u16 cid;
	__le16 status;
};

struct nvmf_queue {
	struct device *dev;
	struct nvmf_cqe *cqes;
	dma_addr_t cq_dma;
	u16 qid;
};

int nvmf_adapter_create_cq(struct nvmf_queue *q, dma_addr_t cq_dma, u16 depth);

static int nvmf_alloc_cq(struct nvmf_queue *q)
{
	struct nvmf_cqe *cqes;
	dma_addr_t cq_dma;
	int ret;

	cqes = dma_alloc_coherent(q->dev, CQ_BYTES, &cq_dma, GFP_KERNEL);
	if (!cqes)
		return -ENOMEM;

	ret = nvmf_adapter_create_cq(q, cq_dma, CQ_ENTRIES);
	if (ret) {
		dev_warn(q->dev, "create CQ %u failed: %d\n", q->qid, ret);
		kfree(cqes); /* expect-warning dmac-free-mismatch-or-leak */
		return ret;
	}

	q->cqes = cqes;
	q->cq_dma = cq_dma;
	return 0;
}
