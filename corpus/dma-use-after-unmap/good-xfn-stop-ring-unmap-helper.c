/* dma-use-after-unmap (cross-function, good): ndo_stop unmaps every posted RX buffer through a helper, clears the slot and the hardware pointer; ndo_open maps them. */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>
#include <linux/slab.h>

#define SRX_RING	32
#define SRX_BUF		2048

struct srx_slot {
	void *buf;
	dma_addr_t dma;
};

struct srx_priv {
	struct device *dev;
	void __iomem *base;
	struct srx_slot slot[SRX_RING];
	__le64 *hw_ring;
};

static void srx_unmap_one(struct srx_priv *sp, dma_addr_t dma)
{
	dma_unmap_single(sp->dev, dma, SRX_BUF, DMA_FROM_DEVICE);
}

static void srx_drain(struct srx_priv *sp)
{
	int i;

	for (i = 0; i < SRX_RING; i++) {
		struct srx_slot *s = &sp->slot[i];

		if (!s->buf)
			continue;
		sp->hw_ring[i] = 0;
		srx_unmap_one(sp, s->dma);
		s->dma = 0;
		kfree(s->buf);
		s->buf = NULL;
	}
	writel(0, sp->base + 0x08);
}

static int srx_open(struct net_device *ndev)
{
	struct srx_priv *sp = netdev_priv(ndev);
	int i;

	for (i = 0; i < SRX_RING; i++) {
		struct srx_slot *s = &sp->slot[i];

		s->buf = kmalloc(SRX_BUF, GFP_KERNEL);
		if (!s->buf)
			goto err;
		s->dma = dma_map_single(sp->dev, s->buf, SRX_BUF, DMA_FROM_DEVICE);
		if (dma_mapping_error(sp->dev, s->dma)) {
			kfree(s->buf);
			s->buf = NULL;
			goto err;
		}
		sp->hw_ring[i] = cpu_to_le64(s->dma);
	}
	writel(SRX_RING, sp->base + 0x08);
	netif_start_queue(ndev);
	return 0;
err:
	srx_drain(sp);
	return -ENOMEM;
}

static int srx_stop(struct net_device *ndev)
{
	struct srx_priv *sp = netdev_priv(ndev);

	netif_stop_queue(ndev);
	srx_drain(sp);
	return 0;
}

static const struct net_device_ops srx_netdev_ops = {
	.ndo_open = srx_open,
	.ndo_stop = srx_stop,
};
