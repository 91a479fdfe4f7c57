/* dma-alloc-context-gfp: ethtool set_ringparam allocates the new descriptor ring with GFP_KERNEL while holding the irqsave ring lock. */
#include <linux/dma-mapping.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/spinlock.h>

#define RTX_DESC_BYTES		16
#define RTX_REG_RX_BASE_LO	0x40
#define RTX_REG_RX_BASE_HI	0x44
#define RTX_REG_RX_SIZE		0x48

struct rtx_desc {
	__le64 addr;
	__le32 len;
	__le32 ctrl;
};

struct rtx_priv {
	struct device *dev;
	struct net_device *ndev;
	void __iomem *regs;
	spinlock_t ring_lock;
	struct rtx_desc *rx_ring;
	dma_addr_t rx_ring_dma;
	unsigned int rx_count;
};

static int rtx_set_ringparam(struct net_device *ndev, struct ethtool_ringparam *ring,
			     struct kernel_ethtool_ringparam *kring,
			     struct netlink_ext_ack *extack)
{
	struct rtx_priv *priv = netdev_priv(ndev);
	struct rtx_desc *new_ring, *old_ring;
	dma_addr_t new_dma, old_dma;
	unsigned int old_count;
	unsigned long flags;

	if (ring->rx_pending < 64 || ring->rx_pending > 4096)
		return -EINVAL;

	spin_lock_irqsave(&priv->ring_lock, flags);
	new_ring = dma_alloc_coherent(priv->dev, ring->rx_pending * RTX_DESC_BYTES, /* expect-warning dma-alloc-context-gfp */
				      &new_dma, GFP_KERNEL);
	if (!new_ring) {
		spin_unlock_irqrestore(&priv->ring_lock, flags);
		return -ENOMEM;
	}
	old_ring = priv->rx_ring;
	old_dma = priv->rx_ring_dma;
	old_count = priv->rx_count;
	priv->rx_ring = new_ring;
	priv->rx_ring_dma = new_dma;
	priv->rx_count = ring->rx_pending;
	writel(lower_32_bits(new_dma), priv->regs + RTX_REG_RX_BASE_LO);
	writel(upper_32_bits(new_dma), priv->regs + RTX_REG_RX_BASE_HI);
	writel(ring->rx_pending, priv->regs + RTX_REG_RX_SIZE);
	spin_unlock_irqrestore(&priv->ring_lock, flags);

	dma_free_coherent(priv->dev, old_count * RTX_DESC_BYTES, old_ring, old_dma);
	return 0;
}
