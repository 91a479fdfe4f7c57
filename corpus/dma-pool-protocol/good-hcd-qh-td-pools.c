/* dma-pool-protocol (good): an HCD with separate QH and TD pools; each block records its pool, and the free goes through that pointer (nitrox/ehci shape). */
#include <linux/dmapool.h>
#include <linux/usb/hcd.h>

struct hx_td {
	__le32 hw_next;
	__le32 hw_token;
	__le32 hw_buf[5];
	dma_addr_t td_dma;
	struct dma_pool *pool;
};

struct hx_qh {
	__le32 hw_next;
	__le32 hw_info;
	dma_addr_t qh_dma;
};

struct hx_hcd {
	struct device *dev;
	struct dma_pool *qh_pool;
	struct dma_pool *td_pool;
};

static struct hx_td *hx_td_alloc(struct hx_hcd *hx, gfp_t flags)
{
	struct hx_td *td;
	dma_addr_t dma;

	td = dma_pool_zalloc(hx->td_pool, flags, &dma);
	if (!td)
		return NULL;
	td->td_dma = dma;
	td->pool = hx->td_pool;
	return td;
}

static void hx_td_free(struct hx_td *td)
{
	dma_pool_free(td->pool, td, td->td_dma);
}

static struct hx_qh *hx_qh_alloc(struct hx_hcd *hx, gfp_t flags)
{
	struct hx_qh *qh;
	dma_addr_t dma;

	qh = dma_pool_zalloc(hx->qh_pool, flags, &dma);
	if (!qh)
		return NULL;
	qh->qh_dma = dma;
	return qh;
}

static void hx_qh_free(struct hx_hcd *hx, struct hx_qh *qh)
{
	dma_pool_free(hx->qh_pool, qh, qh->qh_dma);
}

static int hx_mem_init(struct hx_hcd *hx)
{
	hx->qh_pool = dma_pool_create("hx_qh", hx->dev, sizeof(struct hx_qh), 32, 4096);
	if (!hx->qh_pool)
		return -ENOMEM;
	hx->td_pool = dma_pool_create("hx_td", hx->dev, sizeof(struct hx_td), 32, 4096);
	if (!hx->td_pool) {
		dma_pool_destroy(hx->qh_pool);
		hx->qh_pool = NULL;
		return -ENOMEM;
	}
	return 0;
}

static void hx_mem_cleanup(struct hx_hcd *hx)
{
	dma_pool_destroy(hx->td_pool);
	hx->td_pool = NULL;
	dma_pool_destroy(hx->qh_pool);
	hx->qh_pool = NULL;
}
