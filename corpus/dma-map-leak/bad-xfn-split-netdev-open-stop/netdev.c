/* dma-map-leak across functions and files: ndo_open() posts mapped RX buffers, the NAPI poll unmaps the ones it consumes and open's error path unwinds, but ndo_stop() frees the posted skbs without unmapping them. */
#include <linux/dma-mapping.h>
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/pci.h>

#define FEN_RX_RING		512
#define FEN_RX_BUF		2048
#define FEN_REG_RX_ADDR(i)	(0x1000 + (i) * 8)
#define FEN_REG_RX_HEAD		0x0040
#define FEN_REG_CTRL		0x0000
#define FEN_CTRL_RX		BIT(0)

struct fen_rx_entry {
	struct sk_buff *skb;
	dma_addr_t dma;
};

struct fen_priv {
	struct net_device *ndev;
	struct pci_dev *pdev;
	void __iomem *regs;
	struct napi_struct napi;
	struct fen_rx_entry rx[FEN_RX_RING];
	unsigned int rx_head;
};

static int fen_post_rx(struct fen_priv *fp, unsigned int i)
{
	struct fen_rx_entry *re = &fp->rx[i];
	struct sk_buff *skb;

	skb = netdev_alloc_skb(fp->ndev, FEN_RX_BUF);
	if (!skb)
		return -ENOMEM;
	re->dma = dma_map_single(&fp->pdev->dev, skb->data, FEN_RX_BUF, DMA_FROM_DEVICE);
	if (dma_mapping_error(&fp->pdev->dev, re->dma)) {
		dev_kfree_skb_any(skb);
		return -ENOMEM;
	}
	re->skb = skb;
	lo_hi_writeq(re->dma, fp->regs + FEN_REG_RX_ADDR(i));
	return 0;
}

static int fen_poll(struct napi_struct *napi, int budget)
{
	struct fen_priv *fp = container_of(napi, struct fen_priv, napi);
	unsigned int hw_head = readl(fp->regs + FEN_REG_RX_HEAD);
	int done = 0;

	while (fp->rx_head != hw_head && done < budget) {
		struct fen_rx_entry *re = &fp->rx[fp->rx_head];
		struct sk_buff *skb = re->skb;

		dma_unmap_single(&fp->pdev->dev, re->dma, FEN_RX_BUF, DMA_FROM_DEVICE);
		re->skb = NULL;
		skb_put(skb, FEN_RX_BUF);
		skb->protocol = eth_type_trans(skb, fp->ndev);
		napi_gro_receive(napi, skb);
		fen_post_rx(fp, fp->rx_head);
		fp->rx_head = (fp->rx_head + 1) % FEN_RX_RING;
		done++;
	}
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}

static int fen_open(struct net_device *ndev)
{
	struct fen_priv *fp = netdev_priv(ndev);
	unsigned int i;
	int err;

	for (i = 0; i < FEN_RX_RING; i++) {
		err = fen_post_rx(fp, i);
		if (err)
			goto unwind;
	}
	fp->rx_head = 0;
	napi_enable(&fp->napi);
	writel(FEN_CTRL_RX, fp->regs + FEN_REG_CTRL);
	netif_start_queue(ndev);
	return 0;

unwind:
	while (i--) {
		dma_unmap_single(&fp->pdev->dev, fp->rx[i].dma, FEN_RX_BUF, DMA_FROM_DEVICE);
		dev_kfree_skb_any(fp->rx[i].skb);
		fp->rx[i].skb = NULL;
	}
	return err;
}

static int fen_stop(struct net_device *ndev)
{
	struct fen_priv *fp = netdev_priv(ndev);
	unsigned int i;

	netif_stop_queue(ndev);
	writel(0, fp->regs + FEN_REG_CTRL);
	napi_disable(&fp->napi);
	for (i = 0; i < FEN_RX_RING; i++) {
		if (!fp->rx[i].skb)
			continue;
		dev_kfree_skb_any(fp->rx[i].skb);
		fp->rx[i].skb = NULL;
	}
	return 0;
} /* expect-warning dma-map-leak */

static netdev_tx_t fen_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	dev_kfree_skb_any(skb);
	ndev->stats.tx_dropped++;
	return NETDEV_TX_OK;
}

static const struct net_device_ops fen_netdev_ops = {
	.ndo_open = fen_open,
	.ndo_stop = fen_stop,
	.ndo_start_xmit = fen_xmit,
	.ndo_set_mac_address = eth_mac_addr,
};

struct net_device *fen_netdev_create(struct pci_dev *pdev, void __iomem *regs)
{
	struct net_device *ndev;
	struct fen_priv *fp;
	int err;

	ndev = alloc_etherdev(sizeof(*fp));
	if (!ndev)
		return ERR_PTR(-ENOMEM);
	SET_NETDEV_DEV(ndev, &pdev->dev);
	fp = netdev_priv(ndev);
	fp->ndev = ndev;
	fp->pdev = pdev;
	fp->regs = regs;
	ndev->netdev_ops = &fen_netdev_ops;
	netif_napi_add(ndev, &fp->napi, fen_poll);
	err = register_netdev(ndev);
	if (err) {
		netif_napi_del(&fp->napi);
		free_netdev(ndev);
		return ERR_PTR(err);
	}
	return ndev;
}

void fen_netdev_destroy(struct net_device *ndev)
{
	struct fen_priv *fp = netdev_priv(ndev);

	unregister_netdev(ndev);
	netif_napi_del(&fp->napi);
	free_netdev(ndev);
}
