/* dma-map-error-unchecked (good): skb_frag_dma_map() in a loop, each result checked before the descriptor store. */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>

struct enx_tx_desc {
	__le64 addr;
	__le32 len;
	__le32 cmd;
};

struct enx_tx_swbd {
	struct sk_buff *skb;
	dma_addr_t dma;
	u16 len;
	u8 is_frag;
};

struct enx_bdr {
	struct device *dev;
	struct enx_tx_desc *bd;
	struct enx_tx_swbd *swbd;
	int next_to_use;
	int bd_count;
};

/* returns the number of BDs used, 0 on mapping failure (the caller unwinds) */
static int enx_map_frags(struct enx_bdr *r, struct sk_buff *skb, int i)
{
	int f, count = 0;

	for (f = 0; f < skb_shinfo(skb)->nr_frags; f++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[f];
		unsigned int len = skb_frag_size(frag);
		dma_addr_t dma;

		dma = skb_frag_dma_map(r->dev, frag, 0, len, DMA_TO_DEVICE);
		if (dma_mapping_error(r->dev, dma)) {
			netdev_err(skb->dev, "DMA map error\n");
			return 0;
		}

		r->swbd[i].dma = dma;
		r->swbd[i].len = len;
		r->swbd[i].is_frag = 1;
		r->bd[i].addr = cpu_to_le64(dma);
		r->bd[i].len = cpu_to_le32(len);
		count++;

		if (++i == r->bd_count)
			i = 0;
	}
	return count;
}
