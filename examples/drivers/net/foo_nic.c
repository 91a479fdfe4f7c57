// SPDX-License-Identifier: GPL-2.0
/*
 * foo_nic.c - example PCI NIC with one TX and one RX descriptor ring.
 *
 * Part of the dmacheck examples: this file contains deliberate streaming-DMA
 * bugs, each marked with a BUG: comment. See examples/README.md.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/dma-mapping.h>
#include <linux/skbuff.h>

#define FOO_RING_SIZE		256
#define FOO_RX_BUF_LEN		2048
#define FOO_REG_TX_TAIL		0x10
#define FOO_REG_RX_TAIL		0x14
#define FOO_REG_IRQ_MASK	0x20
#define FOO_DESC_OWN		BIT(31)
#define FOO_DESC_EOP		BIT(30)

struct foo_desc {
	__le64 addr;
	__le32 len;
	__le32 flags;
};

struct foo_tx_buf {
	struct sk_buff *skb;
	DEFINE_DMA_UNMAP_ADDR(dma);
	DEFINE_DMA_UNMAP_LEN(len);
};

struct foo_rx_meta {
	u32 hash;
	u16 vlan_tci;
};

struct foo_rx_buf {
	struct sk_buff *skb;
	struct foo_rx_meta *meta;
	dma_addr_t dma;
};

struct foo_priv {
	struct pci_dev *pdev;
	struct net_device *ndev;
	void __iomem *regs;
	struct foo_desc *tx_ring;
	struct foo_desc *rx_ring;
	struct foo_tx_buf tx_buf[FOO_RING_SIZE];
	struct foo_rx_buf rx_buf[FOO_RING_SIZE];
	unsigned int tx_head, tx_tail;
	unsigned int rx_head;
	struct napi_struct napi;
};

static int foo_alloc_rx_buf(struct foo_priv *fp, unsigned int i)
{
	struct device *dev = &fp->pdev->dev;
	struct foo_rx_buf *rb = &fp->rx_buf[i];
	struct foo_rx_meta *meta;
	struct sk_buff *skb;
	dma_addr_t dma;

	skb = netdev_alloc_skb_ip_align(fp->ndev, FOO_RX_BUF_LEN);
	if (!skb)
		return -ENOMEM;

	dma = dma_map_single(dev, skb->data, FOO_RX_BUF_LEN, DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, dma)) {
		dev_kfree_skb_any(skb);
		return -ENOMEM;
	}

	meta = kzalloc(sizeof(*meta), GFP_ATOMIC);
	if (!meta)
		return -ENOMEM;	/* BUG: returns with the buffer still mapped (and the skb leaked) */

	rb->skb = skb;
	rb->meta = meta;
	rb->dma = dma;
	fp->rx_ring[i].addr = cpu_to_le64(dma);
	fp->rx_ring[i].len = cpu_to_le32(FOO_RX_BUF_LEN);
	fp->rx_ring[i].flags = cpu_to_le32(FOO_DESC_OWN);
	return 0;
}

static netdev_tx_t foo_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct foo_priv *fp = netdev_priv(ndev);
	struct device *dev = &fp->pdev->dev;
	unsigned int i = fp->tx_head % FOO_RING_SIZE;
	struct foo_tx_buf *tb = &fp->tx_buf[i];
	unsigned int len = skb_headlen(skb);
	dma_addr_t dma;

	if (skb_put_padto(skb, ETH_ZLEN))
		return NETDEV_TX_OK;

	/* BUG: the mapping is never checked with dma_mapping_error() */
	dma = dma_map_single(dev, skb->data, len, DMA_TO_DEVICE);

	tb->skb = skb;
	dma_unmap_addr_set(tb, dma, dma);
	dma_unmap_len_set(tb, len, len);

	fp->tx_ring[i].addr = cpu_to_le64(dma);
	fp->tx_ring[i].len = cpu_to_le32(len);
	fp->tx_ring[i].flags = cpu_to_le32(FOO_DESC_OWN | FOO_DESC_EOP);
	fp->tx_head++;

	skb_tx_timestamp(skb);
	writel(fp->tx_head % FOO_RING_SIZE, fp->regs + FOO_REG_TX_TAIL);
	return NETDEV_TX_OK;
}

static void foo_tx_clean(struct foo_priv *fp)
{
	struct device *dev = &fp->pdev->dev;

	while (fp->tx_tail != fp->tx_head) {
		unsigned int i = fp->tx_tail % FOO_RING_SIZE;
		struct foo_tx_buf *tb = &fp->tx_buf[i];

		if (le32_to_cpu(READ_ONCE(fp->tx_ring[i].flags)) & FOO_DESC_OWN)
			break;
		dma_unmap_single(dev, dma_unmap_addr(tb, dma),
				 dma_unmap_len(tb, len), DMA_TO_DEVICE);
		dev_consume_skb_any(tb->skb);
		tb->skb = NULL;
		fp->tx_tail++;
	}
	if (netif_queue_stopped(fp->ndev))
		netif_wake_queue(fp->ndev);
}

static int foo_rx_poll(struct napi_struct *napi, int budget)
{
	struct foo_priv *fp = container_of(napi, struct foo_priv, napi);
	struct device *dev = &fp->pdev->dev;
	int done = 0;

	while (done < budget) {
		unsigned int i = fp->rx_head % FOO_RING_SIZE;
		struct foo_rx_buf *rb = &fp->rx_buf[i];
		u32 flags = le32_to_cpu(READ_ONCE(fp->rx_ring[i].flags));
		unsigned int pkt_len;
		struct sk_buff *skb;
		dma_addr_t dma;

		if (flags & FOO_DESC_OWN)
			break;
		pkt_len = le32_to_cpu(fp->rx_ring[i].len);
		skb = rb->skb;
		dma = rb->dma;

		dma_unmap_single(dev, dma, FOO_RX_BUF_LEN, DMA_FROM_DEVICE);

		skb_put(skb, pkt_len);
		skb->protocol = eth_type_trans(skb, fp->ndev);
		skb->hash = rb->meta->hash;
		napi_gro_receive(napi, skb);
		kfree(rb->meta);
		rb->meta = NULL;
		rb->skb = NULL;

		if (foo_alloc_rx_buf(fp, i))
			break;
		fp->rx_head++;
		done++;
	}
	writel(fp->rx_head % FOO_RING_SIZE, fp->regs + FOO_REG_RX_TAIL);
	if (done < budget && napi_complete_done(napi, done))
		writel(0, fp->regs + FOO_REG_IRQ_MASK);
	return done;
}

static void foo_free_rx_ring(struct foo_priv *fp)
{
	struct device *dev = &fp->pdev->dev;
	unsigned int i;

	for (i = 0; i < FOO_RING_SIZE; i++) {
		struct foo_rx_buf *rb = &fp->rx_buf[i];

		if (!rb->skb)
			continue;
		dma_unmap_single(dev, rb->dma, FOO_RX_BUF_LEN, DMA_FROM_DEVICE);
		dev_kfree_skb_any(rb->skb);
		kfree(rb->meta);
		rb->meta = NULL;
		rb->skb = NULL;
	}
}

static int foo_open(struct net_device *ndev)
{
	struct foo_priv *fp = netdev_priv(ndev);
	unsigned int i;
	int err;

	for (i = 0; i < FOO_RING_SIZE; i++) {
		err = foo_alloc_rx_buf(fp, i);
		if (err)
			goto err_free;
	}
	fp->rx_head = 0;
	fp->tx_head = fp->tx_tail = 0;
	napi_enable(&fp->napi);
	writel(FOO_RING_SIZE - 1, fp->regs + FOO_REG_RX_TAIL);
	netif_start_queue(ndev);
	return 0;

err_free:
	foo_free_rx_ring(fp);
	return err;
}

static int foo_stop(struct net_device *ndev)
{
	struct foo_priv *fp = netdev_priv(ndev);

	netif_stop_queue(ndev);
	napi_disable(&fp->napi);
	foo_tx_clean(fp);
	foo_free_rx_ring(fp);
	return 0;
}

static const struct net_device_ops foo_netdev_ops = {
	.ndo_open	= foo_open,
	.ndo_stop	= foo_stop,
	.ndo_start_xmit	= foo_start_xmit,
};
