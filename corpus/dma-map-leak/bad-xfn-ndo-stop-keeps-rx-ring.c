/* dma-map-leak across functions: ndo_open() refills the RX ring (the refill helper unmaps what it mapped when open fails), ndo_stop() halts the MAC and frees the skbs without unmapping them; with the bus driver in the same file the leak is reported at the end of remove(). */
#include <linux/dma-mapping.h>
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/platform_device.h>

#define SNE_RX_RING	128
#define SNE_RX_BUF	1536
#define SNE_REG_MAC_CTRL	0x0000
#define SNE_REG_RX_DESC	0x0100
#define SNE_MAC_RX_EN	BIT(1)

struct sne_rx_desc {
	__le32 addr;
	__le32 ctl;
};

struct sne_rx_slot {
	struct sk_buff *skb;
	dma_addr_t dma;
};

struct sne_priv {
	struct net_device *ndev;
	struct device *dev;
	void __iomem *base;
	struct sne_rx_desc *rx_desc;
	dma_addr_t rx_desc_dma;
	struct sne_rx_slot rx_slot[SNE_RX_RING];
	struct napi_struct napi;
};

static void sne_rx_unmap_all(struct sne_priv *priv)
{
	int i;

	for (i = 0; i < SNE_RX_RING; i++) {
		struct sne_rx_slot *slot = &priv->rx_slot[i];

		if (!slot->skb)
			continue;
		dma_unmap_single(priv->dev, slot->dma, SNE_RX_BUF, DMA_FROM_DEVICE);
		dev_kfree_skb(slot->skb);
		slot->skb = NULL;
	}
}

static int sne_rx_refill(struct sne_priv *priv)
{
	int i;

	for (i = 0; i < SNE_RX_RING; i++) {
		struct sne_rx_slot *slot = &priv->rx_slot[i];
		struct sk_buff *skb;

		skb = netdev_alloc_skb_ip_align(priv->ndev, SNE_RX_BUF);
		if (!skb)
			goto unwind;
		slot->dma = dma_map_single(priv->dev, skb->data, SNE_RX_BUF, DMA_FROM_DEVICE);
		if (dma_mapping_error(priv->dev, slot->dma)) {
			dev_kfree_skb(skb);
			goto unwind;
		}
		slot->skb = skb;
		priv->rx_desc[i].addr = cpu_to_le32(slot->dma);
		priv->rx_desc[i].ctl = cpu_to_le32(SNE_RX_BUF);
	}
	return 0;

unwind:
	sne_rx_unmap_all(priv);
	return -ENOMEM;
}

static int sne_open(struct net_device *ndev)
{
	struct sne_priv *priv = netdev_priv(ndev);
	int ret;

	ret = sne_rx_refill(priv);
	if (ret)
		return ret;
	napi_enable(&priv->napi);
	writel(SNE_MAC_RX_EN, priv->base + SNE_REG_MAC_CTRL);
	netif_start_queue(ndev);
	return 0;
}

static int sne_stop(struct net_device *ndev)
{
	struct sne_priv *priv = netdev_priv(ndev);
	int i;

	netif_stop_queue(ndev);
	writel(0, priv->base + SNE_REG_MAC_CTRL);
	napi_disable(&priv->napi);
	for (i = 0; i < SNE_RX_RING; i++) {
		dev_kfree_skb(priv->rx_slot[i].skb);
		priv->rx_slot[i].skb = NULL;
	}
	return 0;
}

static netdev_tx_t sne_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	dev_kfree_skb_any(skb);
	ndev->stats.tx_dropped++;
	return NETDEV_TX_OK;
}

static const struct net_device_ops sne_netdev_ops = {
	.ndo_open = sne_open,
	.ndo_stop = sne_stop,
	.ndo_start_xmit = sne_start_xmit,
	.ndo_validate_addr = eth_validate_addr,
};

static int sne_probe(struct platform_device *pdev)
{
	struct net_device *ndev;
	struct sne_priv *priv;

	ndev = devm_alloc_etherdev(&pdev->dev, sizeof(*priv));
	if (!ndev)
		return -ENOMEM;
	SET_NETDEV_DEV(ndev, &pdev->dev);
	priv = netdev_priv(ndev);
	priv->ndev = ndev;
	priv->dev = &pdev->dev;
	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);
	priv->rx_desc = dmam_alloc_coherent(&pdev->dev, SNE_RX_RING * sizeof(struct sne_rx_desc),
					    &priv->rx_desc_dma, GFP_KERNEL);
	if (!priv->rx_desc)
		return -ENOMEM;
	writel(lower_32_bits(priv->rx_desc_dma), priv->base + SNE_REG_RX_DESC);
	ndev->netdev_ops = &sne_netdev_ops;
	platform_set_drvdata(pdev, ndev);
	return register_netdev(ndev);
}

static int sne_remove(struct platform_device *pdev)
{
	struct net_device *ndev = platform_get_drvdata(pdev);

	unregister_netdev(ndev);
	return 0;
} /* expect-warning dma-map-leak */

static struct platform_driver sne_driver = {
	.probe = sne_probe,
	.remove = sne_remove,
	.driver = { .name = "sne" },
};
module_platform_driver(sne_driver);
MODULE_LICENSE("GPL");
