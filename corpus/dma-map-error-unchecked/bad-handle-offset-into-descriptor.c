/* dma-map-error-unchecked: the handle, adjusted for burst alignment, goes straight into a descriptor without dma_mapping_error() (handed to the ring: not a leak). */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>

struct etop_desc {
	u32 ctl;
	u32 addr;
};

struct etop_chan {
	struct device *dev;
	struct etop_desc *desc_base;
	struct sk_buff *skb[64];
	unsigned int desc;
	unsigned int burst;
};

static netdev_tx_t etop_tx(struct etop_chan *ch, struct sk_buff *skb)
{
	struct etop_desc *desc = &ch->desc_base[ch->desc];
	int len = skb->len < ETH_ZLEN ? ETH_ZLEN : skb->len;
	unsigned int byte_offset = (unsigned long)skb->data % (ch->burst * 4);

	ch->skb[ch->desc] = skb;
	desc->addr = ((unsigned int)dma_map_single(ch->dev, skb->data, len, DMA_TO_DEVICE)) - byte_offset; /* expect-warning dma-map-error-unchecked */
	wmb();
	desc->ctl = 0x80000000 | (len & 0xffff);
	ch->desc = (ch->desc + 1) % 64;
	return NETDEV_TX_OK;
}
