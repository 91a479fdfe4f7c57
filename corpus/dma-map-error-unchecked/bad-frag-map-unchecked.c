/* dma-map-error-unchecked: fragment mappings written into TX descriptors without dma_mapping_error(). */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>

struct hnx_desc {
	__le64 addr;
	__le16 len;
	__le16 flags;
	__le32 rsvd;
};

struct hnx_tx_info {
	struct sk_buff *skb;
	DEFINE_DMA_UNMAP_ADDR(dma);
	DEFINE_DMA_UNMAP_LEN(len);
};

struct hnx_ring {
	struct device *dev;
	struct hnx_desc *desc;
	struct hnx_tx_info *info;
	unsigned int ntu;
	unsigned int size;
	void __iomem *doorbell;
};

static int hnx_map_frags(struct hnx_ring *ring, struct sk_buff *skb)
{
	struct skb_shared_info *shinfo = skb_shinfo(skb);
	unsigned int f;

	for (f = 0; f < shinfo->nr_frags; f++) {
		skb_frag_t *frag = &shinfo->frags[f];
		unsigned int size = skb_frag_size(frag);
		struct hnx_tx_info *info = &ring->info[ring->ntu];
		dma_addr_t dma;

		dma = skb_frag_dma_map(ring->dev, frag, 0, size, DMA_TO_DEVICE); /* expect-warning dma-map-error-unchecked */

		ring->desc[ring->ntu].addr = cpu_to_le64(dma);
		ring->desc[ring->ntu].len = cpu_to_le16(size);
		dma_unmap_addr_set(info, dma, dma);
		dma_unmap_len_set(info, len, size);

		ring->ntu = (ring->ntu + 1) % ring->size;
	}
	writel(ring->ntu, ring->doorbell);
	return 0;
}
