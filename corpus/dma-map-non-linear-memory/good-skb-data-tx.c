/* dma-map-non-linear-memory (good): a control frame is built in an alloc_skb() head from a stack header and skb->data is mapped. */
#include <linux/skbuff.h>
#include <linux/dma-mapping.h>

#define CFR_REG_TX_ADDR		0x80
#define CFR_REG_TX_LEN		0x88
#define CFR_REG_TX_GO		0x8c

struct cfr_hdr {
	__be16 type;
	__be16 len;
};

struct cfr_port {
	struct device *dev;
	void __iomem *regs;
	struct completion tx_done;
};

static int cfr_send_ctrl(struct cfr_port *cp, u16 type, const void *payload, u16 plen)
{
	struct cfr_hdr hdr = { .type = cpu_to_be16(type), .len = cpu_to_be16(plen) };
	struct sk_buff *skb;
	dma_addr_t h;
	int ret = 0;

	skb = alloc_skb(sizeof(hdr) + plen, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	skb_put_data(skb, &hdr, sizeof(hdr));
	skb_put_data(skb, payload, plen);

	h = dma_map_single(cp->dev, skb->data, skb->len, DMA_TO_DEVICE);
	if (dma_mapping_error(cp->dev, h)) {
		kfree_skb(skb);
		return -ENOMEM;
	}

	reinit_completion(&cp->tx_done);
	lo_hi_writeq(h, cp->regs + CFR_REG_TX_ADDR);
	writel(skb->len, cp->regs + CFR_REG_TX_LEN);
	writel(1, cp->regs + CFR_REG_TX_GO);
	if (!wait_for_completion_timeout(&cp->tx_done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(cp->dev, h, skb->len, DMA_TO_DEVICE);
	kfree_skb(skb);
	return ret;
}
