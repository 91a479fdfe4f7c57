/* dma-sync-protocol (good, cross-function): with XDP enabled the RX pages are mapped DMA_BIDIRECTIONAL by the refill; the poll syncs them for the CPU as DMA_FROM_DEVICE and the XDP_TX path syncs a page for the device as DMA_TO_DEVICE - both fine for a bidirectional mapping. */
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/dma-mapping.h>
#include <linux/bpf.h>
#include <linux/filter.h>
#include <net/xdp.h>

#define MXR_RX_RING		256
#define MXR_HEADROOM		XDP_PACKET_HEADROOM
#define MXR_RXD_DONE		BIT(31)
#define MXR_REG_RX_PROD		0x30
#define MXR_REG_TX_PROD		0x34

struct mxr_rxd {
	__le64 addr;
	__le32 status;
	__le32 len;
};

struct mxr_rx_page {
	struct page *page;
	dma_addr_t dma;
};

struct mxr_ring {
	struct device *dev;
	struct net_device *ndev;
	struct napi_struct napi;
	void __iomem *regs;
	struct bpf_prog *xdp_prog;
	struct xdp_rxq_info xdp_rxq;
	struct mxr_rxd *rxd;
	__le64 *xdp_txd;
	struct mxr_rx_page rx[MXR_RX_RING];
	unsigned int rx_head, rx_prod, xdp_tx_prod;
};

static int mxr_alloc_rx_page(struct mxr_ring *r, unsigned int i)
{
	struct mxr_rx_page *rp = &r->rx[i];
	struct page *page = dev_alloc_page();

	if (!page)
		return -ENOMEM;
	rp->dma = dma_map_page(r->dev, page, 0, PAGE_SIZE, DMA_BIDIRECTIONAL);
	if (dma_mapping_error(r->dev, rp->dma)) {
		__free_page(page);
		return -ENOMEM;
	}
	rp->page = page;
	r->rxd[i].addr = cpu_to_le64(rp->dma + MXR_HEADROOM);
	r->rxd[i].status = 0;
	return 0;
}

static void mxr_refill(struct mxr_ring *r)
{
	while (!r->rx[r->rx_prod].page) {
		if (mxr_alloc_rx_page(r, r->rx_prod))
			break;
		r->rx_prod = (r->rx_prod + 1) % MXR_RX_RING;
	}
	writel(r->rx_prod, r->regs + MXR_REG_RX_PROD);
}

static void mxr_xdp_tx(struct mxr_ring *r, struct mxr_rx_page *rp, unsigned int len)
{
	dma_sync_single_range_for_device(r->dev, rp->dma, MXR_HEADROOM, len, DMA_TO_DEVICE);
	r->xdp_txd[r->xdp_tx_prod] = cpu_to_le64(rp->dma + MXR_HEADROOM);
	r->xdp_tx_prod = (r->xdp_tx_prod + 1) % MXR_RX_RING;
	writel(r->xdp_tx_prod, r->regs + MXR_REG_TX_PROD);
}

static int mxr_poll(struct napi_struct *napi, int budget)
{
	struct mxr_ring *r = container_of(napi, struct mxr_ring, napi);
	int done = 0;

	while (done < budget) {
		struct mxr_rxd *d = &r->rxd[r->rx_head];
		struct mxr_rx_page *rp = &r->rx[r->rx_head];
		unsigned int len;
		struct xdp_buff xdp;
		struct sk_buff *skb;
		u32 act;

		if (!(le32_to_cpu(d->status) & MXR_RXD_DONE))
			break;
		dma_rmb();
		len = le32_to_cpu(d->len);
		dma_sync_single_range_for_cpu(r->dev, rp->dma, MXR_HEADROOM, len, DMA_FROM_DEVICE);

		xdp_init_buff(&xdp, PAGE_SIZE, &r->xdp_rxq);
		xdp_prepare_buff(&xdp, page_address(rp->page), MXR_HEADROOM, len, false);
		act = r->xdp_prog ? bpf_prog_run_xdp(r->xdp_prog, &xdp) : XDP_PASS;
		if (act == XDP_TX) {
			mxr_xdp_tx(r, rp, xdp.data_end - xdp.data);
		} else if (act == XDP_PASS) {
			dma_unmap_page(r->dev, rp->dma, PAGE_SIZE, DMA_BIDIRECTIONAL);
			skb = napi_build_skb(xdp.data_hard_start, PAGE_SIZE);
			if (skb) {
				skb_reserve(skb, xdp.data - xdp.data_hard_start);
				skb_put(skb, xdp.data_end - xdp.data);
				skb->protocol = eth_type_trans(skb, r->ndev);
				napi_gro_receive(napi, skb);
			} else {
				__free_page(rp->page);
			}
			rp->page = NULL;
		}
		r->rx_head = (r->rx_head + 1) % MXR_RX_RING;
		done++;
	}
	mxr_refill(r);
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}
