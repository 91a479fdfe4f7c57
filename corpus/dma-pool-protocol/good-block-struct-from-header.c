/* dma-pool-protocol (good): struct dsd_dma comes from a header, and other files fill dsd_addr from the second pool; per-element NULL tests of block arrays count (qla2xxx / sata_mv shapes). */
#include <linux/dmapool.h>
#include <linux/list.h>
#include "qx_def.h"	/* struct dsd_dma { struct list_head list; void *dsd_addr; dma_addr_t dsd_list_dma; }; */

#define QX_MAX_TAGS		32

struct qx_hw {
	struct device *dev;
	struct dma_pool *dl_dma_pool;
	struct dma_pool *dif_bundl_pool;
	struct list_head pool_list;
	void *sg_tbl[QX_MAX_TAGS];
	dma_addr_t sg_tbl_dma[QX_MAX_TAGS];
};

static int qx_mem_alloc(struct qx_hw *ha, struct dsd_dma *dsd)
{
	int tag;

	ha->dl_dma_pool = dma_pool_create("qx_dl", ha->dev, 256, 8, 0);
	if (!ha->dl_dma_pool)
		return -ENOMEM;
	ha->dif_bundl_pool = dma_pool_create("qx_dif", ha->dev, 512, 8, 0);
	if (!ha->dif_bundl_pool)
		return -ENOMEM;

	dsd->dsd_addr = dma_pool_alloc(ha->dif_bundl_pool, GFP_KERNEL, &dsd->dsd_list_dma);
	if (!dsd->dsd_addr)
		return -ENOMEM;
	list_add_tail(&dsd->list, &ha->pool_list);

	for (tag = 0; tag < QX_MAX_TAGS; tag++) {
		ha->sg_tbl[tag] = dma_pool_alloc(ha->dl_dma_pool, GFP_KERNEL, &ha->sg_tbl_dma[tag]);
		if (!ha->sg_tbl[tag])
			return -ENOMEM;
	}
	return 0;
}

static void qx_free_unused_dsd(struct qx_hw *ha, struct list_head *unused)
{
	struct dsd_dma *dsd, *nxt;

	/* these came from the other file's dl_dma_pool allocations */
	list_for_each_entry_safe(dsd, nxt, unused, list) {
		list_del(&dsd->list);
		dma_pool_free(ha->dl_dma_pool, dsd->dsd_addr, dsd->dsd_list_dma);
	}
}
