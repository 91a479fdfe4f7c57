/* dma-alloc-context-gfp: __GFP_COMP in the mask of dma_alloc_coherent() (rejected with a WARN since 6.2; cnic/hfi1 shape). */
#include <linux/dma-mapping.h>

#define KCQ_PAGES		4
#define KCQ_BYTES		(KCQ_PAGES * PAGE_SIZE)

struct kcq_info {
	void *ring;
	dma_addr_t ring_dma;
};

struct kcq_dev {
	struct device *dev;
	struct kcq_info kcq;
};

static int kcq_alloc(struct kcq_dev *kd)
{
	kd->kcq.ring = dma_alloc_coherent(kd->dev, KCQ_BYTES, &kd->kcq.ring_dma, /* expect-warning dma-alloc-context-gfp */
					  GFP_KERNEL | __GFP_COMP);
	if (!kd->kcq.ring)
		return -ENOMEM;
	return 0;
}

static void kcq_free(struct kcq_dev *kd)
{
	dma_free_coherent(kd->dev, KCQ_BYTES, kd->kcq.ring, kd->kcq.ring_dma);
	kd->kcq.ring = NULL;
}
