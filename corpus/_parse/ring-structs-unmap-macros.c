/* _parse: ring structs with DEFINE_DMA_UNMAP_ADDR/LEN, bitfields, unions, flexible arrays and cacheline attributes; no findings. */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>

struct vrx_tx_buffer {
	union {
		struct sk_buff *skb;
		struct xdp_frame *xdpf;
	};
	DEFINE_DMA_UNMAP_ADDR(dma);
	DEFINE_DMA_UNMAP_LEN(len);
	u32 tx_flags:8,
	    gso_segs:16,
	    is_xdp:1;
};

struct vrx_ring {
	struct vrx_ring *next;
	void *desc;
	struct device *dev;
	struct net_device *netdev;
	union {
		struct vrx_tx_buffer *tx_buffer_info;
		struct page **rx_pages;
	};
	u8 __iomem *tail;
	dma_addr_t dma;
	unsigned int size;
	u16 count;
	u16 queue_index;
	u16 next_to_use ____cacheline_aligned_in_smp;
	u16 next_to_clean;
	struct rcu_head rcu;
} ____cacheline_internodealigned_in_smp;

struct vrx_q_vector {
	struct napi_struct napi;
	int numa_node;
	char name[IFNAMSIZ + 9];
	struct vrx_ring ring[] ____cacheline_internodealigned_in_smp;
};

static void vrx_unmap_and_free_tx_resource(struct vrx_ring *ring, struct vrx_tx_buffer *tx_buffer)
{
	if (tx_buffer->skb) {
		if (dma_unmap_len(tx_buffer, len))
			dma_unmap_single(ring->dev, dma_unmap_addr(tx_buffer, dma),
					 dma_unmap_len(tx_buffer, len), DMA_TO_DEVICE);
		dev_kfree_skb_any(tx_buffer->skb);
	} else if (dma_unmap_len(tx_buffer, len)) {
		dma_unmap_page(ring->dev, dma_unmap_addr(tx_buffer, dma),
			       dma_unmap_len(tx_buffer, len), DMA_TO_DEVICE);
	}
	tx_buffer->skb = NULL;
	dma_unmap_len_set(tx_buffer, len, 0);
}

static void vrx_clean_tx_ring(struct vrx_ring *tx_ring)
{
	u16 i = tx_ring->next_to_clean;
	struct vrx_tx_buffer *tx_buffer = &tx_ring->tx_buffer_info[i];

	while (i != tx_ring->next_to_use) {
		vrx_unmap_and_free_tx_resource(tx_ring, tx_buffer);
		i++;
		tx_buffer++;
		if (unlikely(i == tx_ring->count)) {
			i = 0;
			tx_buffer = tx_ring->tx_buffer_info;
		}
	}
	tx_ring->next_to_use = 0;
	tx_ring->next_to_clean = 0;
}
