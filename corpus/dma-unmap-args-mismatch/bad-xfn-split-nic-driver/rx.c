/* dma-unmap-args-mismatch across files: rx.c maps the RX buffers DMA_FROM_DEVICE and unmaps them the same way in its poll. */
#include <linux/dma-mapping.h>
#include <linux/etherdevice.h>
#include "aql.h"

#define AQL_RX_F_DONE		BIT(0)

static int aql_rx_alloc(struct aql_rx_ring *rx, unsigned int i)
{
	struct aql_rx_buf *b = &rx->buf[i];
	struct sk_buff *skb;
	dma_addr_t dma;

	skb = netdev_alloc_skb_ip_align(rx->ndev, AQL_RX_BUF_LEN);
	if (!skb)
		return -ENOMEM;
	dma = dma_map_single(rx->dev, skb->data, AQL_RX_BUF_LEN, DMA_FROM_DEVICE);
	if (dma_mapping_error(rx->dev, dma)) {
		dev_kfree_skb(skb);
		return -ENOMEM;
	}
	b->skb = skb;
	b->dma = dma;
	rx->desc[i].addr = cpu_to_le64(dma);
	rx->desc[i].flags = 0;
	return 0;
}

int aql_rx_fill(struct aql_rx_ring *rx)
{
	int n = 0;

	while (!rx->buf[rx->fill].skb) {
		if (aql_rx_alloc(rx, rx->fill))
			break;
		rx->fill = (rx->fill + 1) % AQL_RX_RING;
		n++;
	}
	wmb();
	writel(rx->fill, rx->regs + AQL_REG_RX_TAIL);
	return n;
}

int aql_rx_poll(struct napi_struct *napi, int budget)
{
	struct aql_priv *ap = container_of(napi, struct aql_priv, napi);
	struct aql_rx_ring *rx = &ap->rx;
	int done = 0;

	while (done < budget) {
		struct aql_rx_desc *d = &rx->desc[rx->clean];
		struct aql_rx_buf *b = &rx->buf[rx->clean];
		struct sk_buff *skb;

		if (!(le16_to_cpu(d->flags) & AQL_RX_F_DONE))
			break;
		dma_rmb();
		dma_unmap_single(rx->dev, b->dma, AQL_RX_BUF_LEN, DMA_FROM_DEVICE);
		skb = b->skb;
		b->skb = NULL;
		skb_put(skb, le16_to_cpu(d->len));
		skb->protocol = eth_type_trans(skb, rx->ndev);
		napi_gro_receive(napi, skb);
		rx->clean = (rx->clean + 1) % AQL_RX_RING;
		done++;
	}
	aql_rx_fill(rx);
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}
