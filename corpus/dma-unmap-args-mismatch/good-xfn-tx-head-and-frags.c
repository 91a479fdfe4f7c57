/* dma-unmap-args-mismatch (good, cross-function): xmit maps the linear head with dma_map_single and the frags with skb_frag_dma_map into the same slot field; the completion unmaps head and frags with the recorded length, single and page being one family. */
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/dma-mapping.h>

#define TGX_TX_RING		512
#define TGX_REG_TX_DB		0x0800
#define TGX_TXD_EOP		BIT(30)

struct tgx_txd {
	__le64 addr;
	__le32 len_flags;
	__le32 done;
};

struct tgx_tx_slot {
	struct sk_buff *skb;		/* set on the last slot of a frame only */
	DEFINE_DMA_UNMAP_ADDR(dma);
	DEFINE_DMA_UNMAP_LEN(len);
	bool is_page;
};

struct tgx_tx_ring {
	struct device *dev;
	struct net_device *ndev;
	void __iomem *db;
	struct tgx_txd *txd;
	struct tgx_tx_slot slot[TGX_TX_RING];
	unsigned int prod, cons;
};

static void tgx_unmap_slot(struct tgx_tx_ring *tx, struct tgx_tx_slot *s)
{
	if (s->is_page)
		dma_unmap_page(tx->dev, dma_unmap_addr(s, dma), dma_unmap_len(s, len), DMA_TO_DEVICE);
	else
		dma_unmap_single(tx->dev, dma_unmap_addr(s, dma), dma_unmap_len(s, len), DMA_TO_DEVICE);
	dma_unmap_len_set(s, len, 0);
}

netdev_tx_t tgx_start_xmit(struct sk_buff *skb, struct tgx_tx_ring *tx)
{
	unsigned int first = tx->prod, i = first;
	int f;
	struct tgx_tx_slot *s = &tx->slot[i];
	dma_addr_t head, dma;

	head = dma_map_single(tx->dev, skb->data, skb_headlen(skb), DMA_TO_DEVICE);
	if (dma_mapping_error(tx->dev, head))
		goto drop;
	dma_unmap_addr_set(s, dma, head);
	dma_unmap_len_set(s, len, skb_headlen(skb));
	s->is_page = false;
	tx->txd[i].addr = cpu_to_le64(head);
	tx->txd[i].len_flags = cpu_to_le32(skb_headlen(skb));

	for (f = 0; f < skb_shinfo(skb)->nr_frags; f++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[f];

		i = (i + 1) % TGX_TX_RING;
		s = &tx->slot[i];
		dma = skb_frag_dma_map(tx->dev, frag, 0, skb_frag_size(frag), DMA_TO_DEVICE);
		if (dma_mapping_error(tx->dev, dma))
			goto unwind;
		dma_unmap_addr_set(s, dma, dma);
		dma_unmap_len_set(s, len, skb_frag_size(frag));
		s->is_page = true;
		tx->txd[i].addr = cpu_to_le64(dma);
		tx->txd[i].len_flags = cpu_to_le32(skb_frag_size(frag));
	}
	tx->txd[i].len_flags |= cpu_to_le32(TGX_TXD_EOP);
	tx->slot[i].skb = skb;
	tx->prod = (i + 1) % TGX_TX_RING;
	wmb();
	writel(tx->prod, tx->db);
	return NETDEV_TX_OK;

unwind:
	/* the frags mapped so far, then the head */
	while (--f >= 0)
		tgx_unmap_slot(tx, &tx->slot[(first + 1 + f) % TGX_TX_RING]);
	dma_unmap_single(tx->dev, head, skb_headlen(skb), DMA_TO_DEVICE);
drop:
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

void tgx_clean_tx(struct tgx_tx_ring *tx, int budget)
{
	unsigned int pkts = 0, bytes = 0;

	while (tx->cons != tx->prod && budget--) {
		struct tgx_tx_slot *s = &tx->slot[tx->cons];

		if (!le32_to_cpu(tx->txd[tx->cons].done))
			break;
		if (dma_unmap_len(s, len))
			tgx_unmap_slot(tx, s);
		if (s->skb) {
			pkts++;
			bytes += s->skb->len;
			napi_consume_skb(s->skb, budget);
			s->skb = NULL;
		}
		tx->txd[tx->cons].done = 0;
		tx->cons = (tx->cons + 1) % TGX_TX_RING;
	}
	tx->ndev->stats.tx_packets += pkts;
	tx->ndev->stats.tx_bytes += bytes;
}
