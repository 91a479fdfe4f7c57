/* dma-sync-protocol (cross-function): RX pages are mapped DMA_FROM_DEVICE by the refill; the copybreak path of the poll recycles a page through a helper that syncs it back to the device with DMA_BIDIRECTIONAL, a direction nothing in the driver is mapped with. */
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/dma-mapping.h>
#include <linux/mm.h>

#define NPX_RX_RING		512
#define NPX_RX_HDR		128
#define NPX_RXD_DD		BIT(0)
#define NPX_REG_RDT		0x2818

struct npx_rxd {
	__le64 pkt_addr;
	__le16 length;
	__le16 status;
	__le32 rsvd;
};

struct npx_rx_page {
	struct page *page;
	dma_addr_t dma;
};

struct npx_ring {
	struct device *dev;
	struct net_device *ndev;
	struct napi_struct napi;
	u8 __iomem *tail;
	struct npx_rxd *desc;
	struct npx_rx_page pg[NPX_RX_RING];
	u16 ntc, ntu;
};

static bool npx_alloc_page(struct npx_ring *r, struct npx_rx_page *p)
{
	struct page *page = dev_alloc_page();

	if (!page)
		return false;
	p->dma = dma_map_page(r->dev, page, 0, PAGE_SIZE, DMA_FROM_DEVICE);
	if (dma_mapping_error(r->dev, p->dma)) {
		__free_page(page);
		return false;
	}
	p->page = page;
	return true;
}

static void npx_refill(struct npx_ring *r, int n)
{
	u16 i = r->ntu;

	while (n--) {
		struct npx_rx_page *p = &r->pg[i];

		if (!p->page && !npx_alloc_page(r, p))
			break;
		r->desc[i].pkt_addr = cpu_to_le64(p->dma);
		r->desc[i].status = 0;
		i = (i + 1) % NPX_RX_RING;
	}
	r->ntu = i;
	wmb();
	writel(i, r->tail);
}

static void npx_reuse_page(struct npx_ring *r, struct npx_rx_page *p, unsigned int len)
{
	dma_sync_single_for_device(r->dev, p->dma, len, DMA_BIDIRECTIONAL); /* expect-warning dma-sync-protocol */
}

static int npx_poll(struct napi_struct *napi, int budget)
{
	struct npx_ring *r = container_of(napi, struct npx_ring, napi);
	int done = 0;

	while (done < budget) {
		struct npx_rxd *d = &r->desc[r->ntc];
		struct npx_rx_page *p = &r->pg[r->ntc];
		unsigned int len;
		struct sk_buff *skb;

		if (!(le16_to_cpu(d->status) & NPX_RXD_DD))
			break;
		dma_rmb();
		len = le16_to_cpu(d->length);
		if (len <= NPX_RX_HDR) {
			skb = napi_alloc_skb(napi, len);
			if (!skb)
				break;
			dma_sync_single_for_cpu(r->dev, p->dma, len, DMA_FROM_DEVICE);
			skb_put_data(skb, page_address(p->page), len);
			npx_reuse_page(r, p, len);
		} else {
			dma_unmap_page(r->dev, p->dma, PAGE_SIZE, DMA_FROM_DEVICE);
			skb = napi_build_skb(page_address(p->page), PAGE_SIZE);
			if (!skb) {
				__free_page(p->page);
				p->page = NULL;
				break;
			}
			skb_put(skb, len);
			p->page = NULL;
		}
		skb->protocol = eth_type_trans(skb, r->ndev);
		napi_gro_receive(napi, skb);
		r->ntc = (r->ntc + 1) % NPX_RX_RING;
		done++;
	}
	npx_refill(r, done);
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}
