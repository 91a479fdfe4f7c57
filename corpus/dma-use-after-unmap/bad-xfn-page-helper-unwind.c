/* dma-use-after-unmap (cross-function): the fragment-mapping failure path unmaps the head through a page helper, then the common unwind label unmaps it again. */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#define PTX_MAX_FRAGS	8

struct ptx_ring {
	struct device *dev;
	struct net_device *ndev;
	void __iomem *tail_reg;
	__le64 *desc;
	unsigned int next;
};

static dma_addr_t ptx_map_head(struct ptx_ring *r, struct sk_buff *skb)
{
	return dma_map_page(r->dev, virt_to_page(skb->data), offset_in_page(skb->data),
			    skb_headlen(skb), DMA_TO_DEVICE);
}

static void ptx_unmap_head(struct ptx_ring *r, dma_addr_t head, unsigned int len)
{
	dma_unmap_page(r->dev, head, len, DMA_TO_DEVICE);
}

static netdev_tx_t ptx_xmit(struct sk_buff *skb, struct ptx_ring *r)
{
	unsigned int nr = skb_shinfo(skb)->nr_frags;
	dma_addr_t head, frag0;
	const skb_frag_t *f;

	if (nr > 1)
		goto drop;
	head = ptx_map_head(r, skb);
	if (dma_mapping_error(r->dev, head))
		goto drop;

	if (nr) {
		f = &skb_shinfo(skb)->frags[0];
		frag0 = skb_frag_dma_map(r->dev, f, 0, skb_frag_size(f), DMA_TO_DEVICE);
		if (dma_mapping_error(r->dev, frag0)) {
			ptx_unmap_head(r, head, skb_headlen(skb));
			goto unmap_head;
		}
		r->desc[r->next + 1] = cpu_to_le64(frag0);
	}
	r->desc[r->next] = cpu_to_le64(head);
	r->next += nr + 1;
	writel(r->next, r->tail_reg);
	return NETDEV_TX_OK;

unmap_head:
	dma_unmap_page(r->dev, head, skb_headlen(skb), DMA_TO_DEVICE); /* expect-warning dma-use-after-unmap */
drop:
	dev_kfree_skb_any(skb);
	r->ndev->stats.tx_dropped++;
	return NETDEV_TX_OK;
}
