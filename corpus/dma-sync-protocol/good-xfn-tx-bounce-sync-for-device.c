/* dma-sync-protocol (good, cross-function): open maps fixed TX bounce buffers DMA_TO_DEVICE once; xmit copies the frame in and syncs for the device with DMA_TO_DEVICE before ringing the doorbell; stop unmaps. */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define CBX_TX_SLOTS		32
#define CBX_TX_SLOT_LEN		2048
#define CBX_REG_TX_DB		0x100
#define CBX_REG_TX_ADDR(n)	(0x200 + (n) * 8)

struct cbx_tx_slot {
	void *buf;
	dma_addr_t dma;
};

struct cbx_priv {
	struct device *dev;
	struct net_device *ndev;
	void __iomem *regs;
	struct cbx_tx_slot tx[CBX_TX_SLOTS];
	unsigned int tx_next;
};

static void cbx_free_tx(struct cbx_priv *cp)
{
	int i;

	for (i = 0; i < CBX_TX_SLOTS; i++) {
		if (!cp->tx[i].buf)
			continue;
		dma_unmap_single(cp->dev, cp->tx[i].dma, CBX_TX_SLOT_LEN, DMA_TO_DEVICE);
		kfree(cp->tx[i].buf);
		cp->tx[i].buf = NULL;
	}
}

static int cbx_alloc_tx(struct cbx_priv *cp)
{
	int i;

	for (i = 0; i < CBX_TX_SLOTS; i++) {
		struct cbx_tx_slot *s = &cp->tx[i];

		s->buf = kmalloc(CBX_TX_SLOT_LEN, GFP_KERNEL);
		if (!s->buf)
			goto err;
		s->dma = dma_map_single(cp->dev, s->buf, CBX_TX_SLOT_LEN, DMA_TO_DEVICE);
		if (dma_mapping_error(cp->dev, s->dma)) {
			kfree(s->buf);
			s->buf = NULL;
			goto err;
		}
		writeq(s->dma, cp->regs + CBX_REG_TX_ADDR(i));
	}
	return 0;
err:
	cbx_free_tx(cp);
	return -ENOMEM;
}

static netdev_tx_t cbx_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct cbx_priv *cp = netdev_priv(ndev);
	struct cbx_tx_slot *s = &cp->tx[cp->tx_next];
	unsigned int len = min_t(unsigned int, skb->len, CBX_TX_SLOT_LEN);

	/* the device only reads the slot: no sync_for_cpu before the CPU writes it */
	skb_copy_bits(skb, 0, s->buf, len);
	dma_sync_single_for_device(cp->dev, s->dma, len, DMA_TO_DEVICE);
	writel(cp->tx_next | (len << 16), cp->regs + CBX_REG_TX_DB);
	cp->tx_next = (cp->tx_next + 1) % CBX_TX_SLOTS;
	dev_consume_skb_any(skb);
	return NETDEV_TX_OK;
}

static int cbx_open(struct net_device *ndev)
{
	struct cbx_priv *cp = netdev_priv(ndev);
	int ret;

	ret = cbx_alloc_tx(cp);
	if (ret)
		return ret;
	netif_start_queue(ndev);
	return 0;
}

static int cbx_stop(struct net_device *ndev)
{
	struct cbx_priv *cp = netdev_priv(ndev);

	netif_stop_queue(ndev);
	cbx_free_tx(cp);
	return 0;
}

static const struct net_device_ops cbx_ops = {
	.ndo_open = cbx_open,
	.ndo_stop = cbx_stop,
	.ndo_start_xmit = cbx_xmit,
};
