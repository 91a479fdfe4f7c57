/* The TX ring of a two-file driver: fxt_xmit() maps each skb through a same-file helper, fxt_tx_clean() unmaps it before freeing the skb. */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>

#define FXT_TX_SLOTS	256
#define FXT_TX_DONE	BIT(31)
#define FXT_TX_EOP	BIT(30)

struct fxt_tx_desc {
	__le64 addr;
	__le32 len;
	__le32 flags;
};

struct fxt_tx_buf {
	struct sk_buff *skb;
	DEFINE_DMA_UNMAP_ADDR(dma);
	DEFINE_DMA_UNMAP_LEN(len);
};

struct fxt_tx_ring {
	struct device *dev;
	struct net_device *ndev;
	void __iomem *tail_reg;
	struct fxt_tx_desc *desc;
	dma_addr_t desc_dma;
	struct fxt_tx_buf buf[FXT_TX_SLOTS];
	unsigned int head, tail;
};

static dma_addr_t fxt_map_linear(struct fxt_tx_ring *r, struct sk_buff *skb)
{
	dma_addr_t dma = dma_map_single(r->dev, skb->data, skb_headlen(skb), DMA_TO_DEVICE);

	if (dma_mapping_error(r->dev, dma))
		return 0;
	return dma;
}

netdev_tx_t fxt_xmit(struct fxt_tx_ring *r, struct sk_buff *skb)
{
	unsigned int i = r->head;
	struct fxt_tx_buf *tb = &r->buf[i];
	struct fxt_tx_desc *d = &r->desc[i];
	dma_addr_t dma;

	if (skb_linearize(skb) || skb_put_padto(skb, ETH_ZLEN)) {
		r->ndev->stats.tx_dropped++;
		return NETDEV_TX_OK;
	}
	dma = fxt_map_linear(r, skb);
	if (!dma) {
		dev_kfree_skb_any(skb);
		r->ndev->stats.tx_dropped++;
		return NETDEV_TX_OK;
	}
	tb->skb = skb;
	dma_unmap_addr_set(tb, dma, dma);
	dma_unmap_len_set(tb, len, skb_headlen(skb));

	d->addr = cpu_to_le64(dma);
	d->len = cpu_to_le32(skb_headlen(skb));
	dma_wmb();
	d->flags = cpu_to_le32(FXT_TX_EOP);
	r->head = (i + 1) % FXT_TX_SLOTS;
	skb_tx_timestamp(skb);
	writel(r->head, r->tail_reg);
	return NETDEV_TX_OK;
}

int fxt_tx_clean(struct fxt_tx_ring *r, int budget)
{
	unsigned int bytes = 0;
	int done = 0;

	while (r->tail != r->head && done < budget) {
		struct fxt_tx_buf *tb = &r->buf[r->tail];
		struct sk_buff *skb = tb->skb;

		if (!(le32_to_cpu(READ_ONCE(r->desc[r->tail].flags)) & FXT_TX_DONE))
			break;
		dma_unmap_single(r->dev, dma_unmap_addr(tb, dma), dma_unmap_len(tb, len), DMA_TO_DEVICE);
		bytes += skb->len;
		napi_consume_skb(skb, budget);
		tb->skb = NULL;
		r->tail = (r->tail + 1) % FXT_TX_SLOTS;
		done++;
	}
	r->ndev->stats.tx_packets += done;
	r->ndev->stats.tx_bytes += bytes;
	return done;
}

struct fxt_tx_ring *fxt_tx_ring_alloc(struct device *dev, struct net_device *ndev, void __iomem *tail_reg)
{
	struct fxt_tx_ring *r;

	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return NULL;
	r->desc = dma_alloc_coherent(dev, FXT_TX_SLOTS * sizeof(*r->desc), &r->desc_dma, GFP_KERNEL);
	if (!r->desc) {
		kfree(r);
		return NULL;
	}
	r->dev = dev;
	r->ndev = ndev;
	r->tail_reg = tail_reg;
	return r;
}

void fxt_tx_ring_free(struct fxt_tx_ring *r)
{
	while (r->tail != r->head) {
		struct fxt_tx_buf *tb = &r->buf[r->tail];

		dma_unmap_single(r->dev, dma_unmap_addr(tb, dma), dma_unmap_len(tb, len), DMA_TO_DEVICE);
		dev_kfree_skb_any(tb->skb);
		tb->skb = NULL;
		r->tail = (r->tail + 1) % FXT_TX_SLOTS;
	}
	dma_free_coherent(r->dev, FXT_TX_SLOTS * sizeof(*r->desc), r->desc, r->desc_dma);
	kfree(r);
}
