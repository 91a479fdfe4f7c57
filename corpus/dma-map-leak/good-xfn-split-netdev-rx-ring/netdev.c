/* The net_device side of a three-file NIC driver (good): ndo_open() fills the RX ring (rx.c), ndo_stop() quiesces the MAC and drains it. */
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/pci.h>

#define GMQ_REG_CTRL	0x0000
#define GMQ_CTRL_RX	BIT(0)

struct gmq_rx_ring;
struct gmq_rx_ring *gmq_rx_alloc(struct device *dev, struct net_device *ndev, void __iomem *regs);
int gmq_rx_fill(struct gmq_rx_ring *r);
void gmq_rx_drain(struct gmq_rx_ring *r);
int gmq_rx_poll(struct gmq_rx_ring *r, struct napi_struct *napi, int budget);

struct gmq_priv {
	struct net_device *ndev;
	void __iomem *regs;
	struct napi_struct napi;
	struct gmq_rx_ring *rx;
};

static int gmq_napi_poll(struct napi_struct *napi, int budget)
{
	struct gmq_priv *gp = container_of(napi, struct gmq_priv, napi);
	int done = gmq_rx_poll(gp->rx, napi, budget);

	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}

static int gmq_open(struct net_device *ndev)
{
	struct gmq_priv *gp = netdev_priv(ndev);
	int err;

	err = gmq_rx_fill(gp->rx);
	if (err)
		return err;
	napi_enable(&gp->napi);
	writel(GMQ_CTRL_RX, gp->regs + GMQ_REG_CTRL);
	netif_start_queue(ndev);
	return 0;
}

static int gmq_stop(struct net_device *ndev)
{
	struct gmq_priv *gp = netdev_priv(ndev);

	netif_stop_queue(ndev);
	writel(0, gp->regs + GMQ_REG_CTRL);
	napi_disable(&gp->napi);
	gmq_rx_drain(gp->rx);
	return 0;
}

static netdev_tx_t gmq_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	dev_kfree_skb_any(skb);
	ndev->stats.tx_dropped++;
	return NETDEV_TX_OK;
}

static const struct net_device_ops gmq_netdev_ops = {
	.ndo_open = gmq_open,
	.ndo_stop = gmq_stop,
	.ndo_start_xmit = gmq_xmit,
};

struct net_device *gmq_netdev_create(struct pci_dev *pdev, void __iomem *regs)
{
	struct net_device *ndev;
	struct gmq_priv *gp;
	int err;

	ndev = alloc_etherdev(sizeof(*gp));
	if (!ndev)
		return ERR_PTR(-ENOMEM);
	SET_NETDEV_DEV(ndev, &pdev->dev);
	gp = netdev_priv(ndev);
	gp->ndev = ndev;
	gp->regs = regs;
	gp->rx = gmq_rx_alloc(&pdev->dev, ndev, regs);
	if (!gp->rx) {
		free_netdev(ndev);
		return ERR_PTR(-ENOMEM);
	}
	ndev->netdev_ops = &gmq_netdev_ops;
	netif_napi_add(ndev, &gp->napi, gmq_napi_poll);
	err = register_netdev(ndev);
	if (err) {
		netif_napi_del(&gp->napi);
		kfree(gp->rx);
		free_netdev(ndev);
		return ERR_PTR(err);
	}
	return ndev;
}

void gmq_netdev_destroy(struct net_device *ndev)
{
	struct gmq_priv *gp = netdev_priv(ndev);

	unregister_netdev(ndev);
	netif_napi_del(&gp->napi);
	kfree(gp->rx);
	free_netdev(ndev);
}
