/* dma-unmap-args-mismatch (cross-function): ndo_start_xmit maps skb data DMA_TO_DEVICE, the TX completion run from the NAPI poll unmaps it DMA_FROM_DEVICE; RX uses a coherent copy area, so nothing is ever mapped FROM_DEVICE. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/dma-mapping.h>
#include <asm/unaligned.h>

#define FBX_TX_RING		128
#define FBX_RX_RING		64
#define FBX_RX_SLOT		2048
#define FBX_REG_TX_TAIL		0x10
#define FBX_REG_TX_HEAD		0x14
#define FBX_REG_IRQ_MASK	0x20
#define FBX_DESC_OWN		BIT(31)

struct fbx_tx_desc {
	__le64 addr;
	__le32 ctrl;
	__le32 status;
};

struct fbx_tx_buf {
	struct sk_buff *skb;
	dma_addr_t dma;
	unsigned int len;
};

struct fbx_priv {
	struct pci_dev *pdev;
	struct net_device *ndev;
	struct napi_struct napi;
	void __iomem *regs;
	struct fbx_tx_desc *tx_desc;
	dma_addr_t tx_desc_dma;
	struct fbx_tx_buf tx_buf[FBX_TX_RING];
	unsigned int tx_head, tx_tail;
	u8 *rx_area;			/* coherent: the device writes frames here, the poll copies them out */
	dma_addr_t rx_area_dma;
	unsigned int rx_next;
};

static netdev_tx_t fbx_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct fbx_priv *fp = netdev_priv(ndev);
	unsigned int i = fp->tx_head;
	struct fbx_tx_buf *tb = &fp->tx_buf[i];
	struct fbx_tx_desc *d = &fp->tx_desc[i];
	dma_addr_t dma;

	dma = dma_map_single(&fp->pdev->dev, skb->data, skb_headlen(skb), DMA_TO_DEVICE);
	if (dma_mapping_error(&fp->pdev->dev, dma)) {
		dev_kfree_skb_any(skb);
		ndev->stats.tx_dropped++;
		return NETDEV_TX_OK;
	}
	tb->skb = skb;
	tb->dma = dma;
	tb->len = skb_headlen(skb);

	d->addr = cpu_to_le64(dma);
	d->status = 0;
	dma_wmb();
	d->ctrl = cpu_to_le32(FBX_DESC_OWN | tb->len);

	fp->tx_head = (i + 1) % FBX_TX_RING;
	writel(fp->tx_head, fp->regs + FBX_REG_TX_TAIL);
	return NETDEV_TX_OK;
}

static void fbx_tx_complete(struct fbx_priv *fp)
{
	unsigned int head = readl(fp->regs + FBX_REG_TX_HEAD);

	while (fp->tx_tail != head) {
		struct fbx_tx_buf *tb = &fp->tx_buf[fp->tx_tail];

		dma_unmap_single(&fp->pdev->dev, tb->dma, tb->len, DMA_FROM_DEVICE); /* expect-warning dma-unmap-args-mismatch */
		fp->ndev->stats.tx_packets++;
		fp->ndev->stats.tx_bytes += tb->len;
		dev_consume_skb_any(tb->skb);
		tb->skb = NULL;
		fp->tx_tail = (fp->tx_tail + 1) % FBX_TX_RING;
	}
	if (netif_queue_stopped(fp->ndev))
		netif_wake_queue(fp->ndev);
}

static int fbx_poll(struct napi_struct *napi, int budget)
{
	struct fbx_priv *fp = container_of(napi, struct fbx_priv, napi);
	int done = 0;

	fbx_tx_complete(fp);

	while (done < budget) {
		u8 *slot = fp->rx_area + fp->rx_next * FBX_RX_SLOT;
		u16 len = get_unaligned_le16(slot);
		struct sk_buff *skb;

		if (!len)
			break;
		skb = napi_alloc_skb(napi, len);
		if (!skb)
			break;
		skb_put_data(skb, slot + 2, len);
		skb->protocol = eth_type_trans(skb, fp->ndev);
		napi_gro_receive(napi, skb);
		put_unaligned_le16(0, slot);
		fp->rx_next = (fp->rx_next + 1) % FBX_RX_RING;
		done++;
	}
	if (done < budget && napi_complete_done(napi, done))
		writel(0, fp->regs + FBX_REG_IRQ_MASK);
	return done;
}
