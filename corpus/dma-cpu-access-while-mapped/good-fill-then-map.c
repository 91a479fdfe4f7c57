/* dma-cpu-access-while-mapped (good): the packet is completely built before it is mapped TO_DEVICE. */
#include <linux/dma-mapping.h>

#define LNK_TX_ADDR	0x00
#define LNK_TX_LEN	0x08
#define LNK_TX_GO	0x0c

struct lnk_hdr {
	__le32 seq;
	__le16 type;
	__le16 len;
};

struct lnk_pkt {
	struct lnk_hdr hdr;
	u8 payload[1500];
};

struct lnk_dev {
	struct device *dev;
	void __iomem *regs;
	struct lnk_pkt *tx_pkt;
	dma_addr_t tx_dma;
	u32 seq;
};

static int lnk_send(struct lnk_dev *d, struct lnk_pkt *pkt, const void *data, u16 len)
{
	dma_addr_t h;

	pkt->hdr.seq = cpu_to_le32(d->seq++);
	pkt->hdr.type = cpu_to_le16(1);
	pkt->hdr.len = cpu_to_le16(len);
	memcpy(pkt->payload, data, len);

	h = dma_map_single(d->dev, pkt, sizeof(pkt->hdr) + len, DMA_TO_DEVICE);
	if (dma_mapping_error(d->dev, h))
		return -ENOMEM;

	d->tx_pkt = pkt;
	d->tx_dma = h;
	lo_hi_writeq(h, d->regs + LNK_TX_ADDR);
	writel(sizeof(pkt->hdr) + len, d->regs + LNK_TX_LEN);
	writel(1, d->regs + LNK_TX_GO);
	return 0;
}
