/* dma-unmap-args-mismatch (cross-function): the RX refill maps every buffer SZ_2K, the NAPI poll unmaps a filled buffer with SZ_4K (the page size the buffers used to have). */
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/dma-mapping.h>
#include <linux/sizes.h>

#define MVX_RX_RING		256
#define MVX_RX_STAT_DONE	BIT(31)
#define MVX_RX_LEN_MASK		0x3fff
#define MVX_REG_RX_TAIL		0x0104

struct mvx_rx_desc {
	__le32 status;
	__le32 rsvd;
	__le64 buf_addr;
};

struct mvx_rx_info {
	struct sk_buff *skb;
	dma_addr_t dma;
};

struct mvx_rx_ring {
	struct device *dev;
	struct net_device *ndev;
	struct napi_struct napi;
	void __iomem *regs;
	struct mvx_rx_desc *desc;
	struct mvx_rx_info info[MVX_RX_RING];
	unsigned int next_clean, next_fill;
};

static int mvx_rx_refill_one(struct mvx_rx_ring *rx, unsigned int i)
{
	struct mvx_rx_info *ri = &rx->info[i];
	struct sk_buff *skb;
	dma_addr_t dma;

	skb = netdev_alloc_skb_ip_align(rx->ndev, SZ_2K);
	if (!skb)
		return -ENOMEM;
	dma = dma_map_single(rx->dev, skb->data, SZ_2K, DMA_FROM_DEVICE);
	if (dma_mapping_error(rx->dev, dma)) {
		dev_kfree_skb_any(skb);
		return -ENOMEM;
	}
	ri->skb = skb;
	ri->dma = dma;
	rx->desc[i].buf_addr = cpu_to_le64(dma);
	dma_wmb();
	rx->desc[i].status = 0;
	return 0;
}

static void mvx_rx_refill(struct mvx_rx_ring *rx)
{
	while (rx->next_fill != rx->next_clean) {
		if (mvx_rx_refill_one(rx, rx->next_fill))
			break;
		rx->next_fill = (rx->next_fill + 1) % MVX_RX_RING;
	}
	writel(rx->next_fill, rx->regs + MVX_REG_RX_TAIL);
}

static int mvx_rx_poll(struct napi_struct *napi, int budget)
{
	struct mvx_rx_ring *rx = container_of(napi, struct mvx_rx_ring, napi);
	int done = 0;

	while (done < budget) {
		unsigned int i = rx->next_clean;
		struct mvx_rx_desc *d = &rx->desc[i];
		struct mvx_rx_info *ri = &rx->info[i];
		u32 status = le32_to_cpu(d->status);
		struct sk_buff *skb;

		if (!(status & MVX_RX_STAT_DONE))
			break;
		dma_rmb();
		dma_unmap_single(rx->dev, ri->dma, SZ_4K, DMA_FROM_DEVICE); /* expect-warning dma-unmap-args-mismatch */
		skb = ri->skb;
		ri->skb = NULL;
		skb_put(skb, status & MVX_RX_LEN_MASK);
		skb->protocol = eth_type_trans(skb, rx->ndev);
		napi_gro_receive(napi, skb);
		rx->next_clean = (i + 1) % MVX_RX_RING;
		done++;
	}
	mvx_rx_refill(rx);
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}
